using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PrivacyEf.Encryption;

/// <summary>Applies <see cref="EncryptedMemberRewriter"/> to every LINQ query before EF compiles it (once per query shape).</summary>
internal sealed class EncryptedQueryInterceptor(DataKeyRing keyRing) : IQueryExpressionInterceptor
{
    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        // Non-relational stores (EF InMemory) compare the decrypted values in memory, where every operator works.
        if (eventData.Context is { } context && !context.Database.IsRelational())
        {
            return queryExpression;
        }

        var rewriter = new EncryptedMemberRewriter();
        var rewritten = rewriter.Visit(queryExpression);
        if (rewriter.UsesBlindIndex && eventData.Context is { } relational)
        {
            keyRing.EnsureBlindIndexKey(relational);
        }

        return rewritten;
    }
}
