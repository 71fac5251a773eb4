using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PrivacyEf.Encryption;

/// <summary>
/// Keeps a unique searchable property unique while a blind-index key rotation runs. The unique index on the
/// blind index compares indexes, and during a rotation one value has two (one per key): a row not yet
/// rebuilt and a new row with the same value would both pass it. Before such a row is saved, this looks for
/// the value's index under the other key, and refuses the save as the unique index would.
/// </summary>
internal static class BlindIndexUniquenessCheck
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> Suspended = [];

    /// <summary>
    /// Suspends the check for the saves of one context: re-encryption saves every value again unchanged,
    /// which creates no duplicate, and a query per row would halve its speed. Two rows that already share a
    /// value meet under the new key, where the unique index refuses the second.
    /// </summary>
    public static IDisposable SuspendFor(DbContext context)
    {
        Suspended.AddOrUpdate(context, context);
        return new Resumption(context);
    }

    public static bool IsSuspendedFor(DbContext context) => Suspended.TryGetValue(context, out _);

    public static bool Applies(IProperty blindIndex) =>
        blindIndex.DeclaringType is IEntityType entityType
        && entityType.GetIndexes().Any(i => i.IsUnique && i.Properties is [var only] && only == blindIndex);

    /// <exception cref="DbUpdateException">Another row holds the value under the other key.</exception>
    public static async Task EnsureNoTwinAsync(DbContext context, EntityEntry entry, IProperty blindIndex, string valueProperty, string otherIndex, bool async, CancellationToken cancellationToken)
    {
        var entityType = entry.Metadata;

        // The column is in the entity's own table, or (TPT) in the table of the type that declares it.
        var store = StoreObjectIdentifier.Create(entityType, StoreObjectType.Table) is { } own && blindIndex.GetColumnName(own) is not null
            ? own
            : StoreObjectIdentifier.Create(blindIndex.DeclaringType, StoreObjectType.Table)
                ?? throw new InvalidOperationException($"PrivacyEf cannot find the table of the blind index of {entityType.ClrType.Name}.{valueProperty}.");
        var sql = context.GetService<ISqlGenerationHelper>();
        var text = $"SELECT COUNT(*) FROM {sql.DelimitIdentifier(store.Name, store.Schema)} WHERE {sql.DelimitIdentifier(blindIndex.GetColumnName(store)!)} = {sql.GenerateParameterNamePlaceholder("i")}";

        // The row itself may hold the value under the other key (saved again unchanged): that is no twin.
        var key = entry.State == EntityState.Modified ? entityType.FindPrimaryKey()?.Properties ?? [] : [];
        if (key.Count > 0)
        {
            var itself = key.Select((property, i) => $"{sql.DelimitIdentifier(property.GetColumnName(store)!)} = {sql.GenerateParameterNamePlaceholder("k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
            text += $" AND NOT ({string.Join(" AND ", itself)})";
        }

        var connection = context.Database.GetDbConnection();
        if (async)
        {
            await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            context.Database.OpenConnection();
        }

        long twins;
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = text;
            command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
            Add(command, sql.GenerateParameterName("i"), otherIndex);
            for (var i = 0; i < key.Count; i++)
            {
                var mapping = key[i].GetRelationalTypeMapping();
                var stored = entry.Property(key[i].Name).OriginalValue;
                Add(command, sql.GenerateParameterName("k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), mapping.Converter is { } converter ? converter.ConvertToProvider(stored) : stored);
            }

            var result = async ? await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteScalar();
            twins = Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            if (async)
            {
                await context.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
            else
            {
                context.Database.CloseConnection();
            }
        }

        if (twins > 0)
        {
            throw new DbUpdateException(
                $"{entityType.ClrType.Name}.{valueProperty} must be unique, and another row already holds this value (its blind index is still under the previous key of a blind-index key rotation).",
                [entry]);
        }
    }

    private sealed class Resumption(DbContext context) : IDisposable
    {
        public void Dispose() => Suspended.Remove(context);
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
