using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PrivacyEf.Kernel;

namespace PrivacyEf.Encryption;

/// <summary>Applies <see cref="EncryptedMemberRewriter"/> to every LINQ query before EF compiles it (once per query shape and blind-index key version).</summary>
internal sealed class BlindIndexRewriteStage(DataKeyRing keyRing) : IQueryRewriteStage
{
    public Expression Rewrite(Expression queryExpression, QueryExpressionEventData eventData)
    {
        // One comparison with the index suffices outside a rotation, but only for a query EF caches by the
        // version of the keys (compiled again when a rotation starts), and only when the keys it was looked up
        // under are known and still current (a fresh instance loads them during its first compilation). Any
        // other query compares under both keys, which is right in every state.
        var keys = BlindIndexAwareMemoryCache.TakeKeysOfPendingCompilation(keyRing);

        // Non-relational stores (EF InMemory) compare the decrypted values in memory, where every operator works.
        // Without a context there is no model to say what is encrypted, and no query to run.
        if (eventData.Context is not { } context || !context.Database.IsRelational())
        {
            return queryExpression;
        }

        var singleKey = keys is { Newest: not null, IsRotating: false } && keys.Version == keyRing.CurrentBlindIndexKeys.Version;
        var rewriter = new EncryptedMemberRewriter(matchPreviousKey: !singleKey, context.Model);
        var rewritten = rewriter.Visit(queryExpression);
        if (rewriter.UsesBlindIndex)
        {
            keyRing.EnsureBlindIndexKey(context);
        }

        return rewritten;
    }
}
