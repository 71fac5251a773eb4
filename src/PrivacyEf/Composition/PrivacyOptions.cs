using PrivacyEf.Access;
using PrivacyEf.Dialects;
using PrivacyEf.Encryption;
using PrivacyEf.Kernel;

namespace PrivacyEf;

/// <summary>Application-wide PrivacyEf settings, configured once in <c>AddPrivacy</c>.</summary>
public sealed class PrivacyOptions
{
    // The settings live with the capability they configure; these options are the one place users set them.
    internal EncryptionOptions Encryption { get; } = new();

    internal AccessOptions Access { get; } = new();

    internal PrivacyPolicy Policy { get; } = new();

    /// <summary>The declarations libraries contribute with <see cref="DeclareModel"/>, in the order they were added.</summary>
    internal List<Action<Microsoft.EntityFrameworkCore.Metadata.IMutableModel>> ModelDeclarations { get; } = [];

    /// <summary>
    /// The SQL dialects PrivacyEf picks from by the context's provider. Internal: a dialect is part of PrivacyEf, one
    /// file in <c>Dialects/</c>; tests replace the list to see how a provider without one is refused.
    /// </summary>
    internal IReadOnlyList<ISqlDialect> SqlDialects { get; set; } = [new SqliteDialect(), new PostgresDialect()];

    /// <summary>The table that holds the wrapped data keys, in every database the application writes encrypted data to.</summary>
    public string KeyTableName { get => Encryption.KeyTableName; set => Encryption.KeyTableName = value; }

    /// <summary>
    /// How long an application trusts its view of the key table before it reads it again on the next save
    /// (to pick up a key another instance rotated to). Default: five minutes.
    /// </summary>
    public TimeSpan KeyRefreshInterval { get => Encryption.KeyRefreshInterval; set => Encryption.KeyRefreshInterval = value; }

    /// <summary>
    /// Lets reads return a string column value that is not yet encrypted (plaintext written before
    /// encryption was turned on) instead of failing. Turn it on while <c>ReencryptAsync</c> encrypts the
    /// legacy rows, and off again afterwards. Default: false.
    /// </summary>
    public bool AllowLegacyPlaintextReads { get => Encryption.AllowLegacyPlaintextReads; set => Encryption.AllowLegacyPlaintextReads = value; }

    /// <summary>The normalizations of searchable properties configured with <see cref="NormalizeSearch{TEntity}"/>.</summary>
    public IReadOnlyDictionary<(Type Entity, string Property), SearchNormalization> SearchNormalizations => Encryption.SearchNormalizations;

    /// <summary>
    /// Sets how a searchable property's value is normalized before its blind index is computed, for writes and
    /// lookups alike; for example <see cref="SearchNormalization.CaseInsensitive"/> for e-mail addresses.
    /// Changing it for a populated column needs a rebuild of its blind index (<c>ReencryptAsync</c>).
    /// </summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <param name="property">The searchable property, such as <c>c =&gt; c.Email</c>.</param>
    /// <param name="normalization">The normalization.</param>
    /// <returns>These options, for chaining.</returns>
    public PrivacyOptions NormalizeSearch<TEntity>(System.Linq.Expressions.Expression<Func<TEntity, string?>> property, SearchNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (property.Body is not System.Linq.Expressions.MemberExpression { Member: System.Reflection.PropertyInfo member })
        {
            throw new ArgumentException($"NormalizeSearch on {typeof(TEntity).Name} needs a property access such as e => e.Email.", nameof(property));
        }

        Encryption.NormalizeSearch(typeof(TEntity), member.Name, normalization);
        return this;
    }

    /// <summary>How <c>[Personal(Redact = true)]</c> text is redacted: operators per type, ignored types, the application's own recognizers, the pseudonym key.</summary>
    public RedactionOptions Redaction { get; } = new();

    /// <summary>What a read of personal data the scope may not see gives: a masked value (the default) or a <see cref="PrivacyAccessDeniedException"/>.</summary>
    public AccessDeniedBehavior OnDenied { get => Access.OnDenied; set => Access.OnDenied = value; }

    /// <summary>What a read outside any access scope may see: nothing personal (the default) or everything.</summary>
    public UnscopedAccess WithoutScope { get => Access.WithoutScope; set => Access.WithoutScope = value; }

    /// <summary>
    /// Whether a query may filter, sort, group, join or aggregate by a personal property the scope may not see. Off by
    /// default, and then such a query is refused with <see cref="PrivacyAccessDeniedException"/>: a mask hides a value
    /// from the result, but <c>Count(c =&gt; c.City == "x")</c> or <c>OrderBy(c =&gt; c.BirthYear)</c> would still answer
    /// questions about it, one at a time (the documented weakness of SQL Server's dynamic data masking). Turn it on only
    /// for an application whose masks are cosmetic rather than a boundary.
    /// </summary>
    public bool AllowConditionsOnHiddenValues { get => Access.AllowConditionsOnHiddenValues; set => Access.AllowConditionsOnHiddenValues = value; }

    /// <summary>
    /// Whether <c>SaveChanges</c> outside any access scope may write personal properties: changing one, or adding an
    /// entity with a value in one. Refused by default (<see cref="UnscopedWrites.Deny"/>), so that data is written
    /// by someone the policy knows; seed and import inside <see cref="Privacy.System"/>. Independent of
    /// <see cref="WithoutScope"/>.
    /// </summary>
    public UnscopedWrites WritesWithoutScope { get => Access.WritesWithoutScope; set => Access.WritesWithoutScope = value; }

    /// <summary>The table that holds the hash-chained access log, in every database read through an access scope.</summary>
    public string AccessLogTableName { get => Access.AccessLogTableName; set => Access.AccessLogTableName = value; }

    /// <summary>Whether disclosures of personal data are written to the access log.</summary>
    public bool AccessLogEnabled { get => Access.AccessLogEnabled; set => Access.AccessLogEnabled = value; }

    /// <summary>How long access log entries are kept before <c>PurgeAccessLogAsync</c> deletes them.</summary>
    public TimeSpan AccessLogRetention { get => Access.AccessLogRetention; set => Access.AccessLogRetention = value; }

    /// <summary>
    /// Whether a query's access log entries are written before its results reach the caller
    /// (<see cref="PrivacyEf.AccessLogDurability.Synchronous"/>) or queued for a background writer
    /// (<see cref="PrivacyEf.AccessLogDurability.Asynchronous"/>, the default). See the README for the guarantees of each.
    /// </summary>
    public AccessLogDurability AccessLogDurability { get => Access.AccessLogDurability; set => Access.AccessLogDurability = value; }

    /// <summary>
    /// In asynchronous mode, how many entries may wait for the background writer. When the queue is full, a query that
    /// discloses waits until there is room (it never drops an entry). Also the bound of what a crash can lose: the
    /// entries queued plus the batch being written (at most this many again). Default: 10,000.
    /// </summary>
    public int AccessLogQueueCapacity
    {
        get => Access.AccessLogQueueCapacity;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Access.AccessLogQueueCapacity = value;
        }
    }

    /// <summary>The table that holds consent grants and revocations, in the same database as the data.</summary>
    public string ConsentTableName { get => Access.ConsentTableName; set => Access.ConsentTableName = value; }

    /// <summary>The purposes configured with <see cref="Purpose"/>, by name.</summary>
    public IReadOnlyDictionary<string, PurposeOptions> Purposes => Policy.Purposes;

    /// <summary>The grants configured with <see cref="Grant"/>.</summary>
    public IReadOnlyList<PrivacyGrant> Grants => Policy.Grants;

    /// <summary>Allows <paramref name="role"/> to read personal data of the given categories when working for <paramref name="purpose"/>.</summary>
    /// <param name="role">The role, as found in the access scope's roles.</param>
    /// <param name="purpose">The purpose of the access scope.</param>
    /// <param name="categories">The categories the role may read for that purpose.</param>
    /// <returns>These options, for chaining.</returns>
    public PrivacyOptions Grant(string role, string purpose, params PersonalDataCategory[] categories)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentNullException.ThrowIfNull(categories);
        if (categories.Length == 0)
        {
            throw new ArgumentException($"The grant of role '{role}' for purpose '{purpose}' names no personal data category.", nameof(categories));
        }

        Policy.AddGrant(new PrivacyGrant(role, purpose, [.. categories]));
        return this;
    }

    /// <summary>Configures a purpose, for example to make reads for it require the data subject's consent.</summary>
    /// <param name="name">The purpose, as used in access scopes and <see cref="PurposeAttribute"/>.</param>
    /// <returns>The purpose's options, created on first use.</returns>
    public PurposeOptions Purpose(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Policy.Purpose(name);
    }

    /// <summary>
    /// Adds privacy declarations for entity types a library maps and the application cannot annotate, applied to the model
    /// of every context that uses PrivacyEf after <c>OnModelCreating</c> (PrivacyEf.Identity declares Identity's tables
    /// this way). Use <see cref="Microsoft.EntityFrameworkCore.PrivacyMutableMetadataExtensions"/> on the entity types
    /// found in the model. They are defaults: what the application declares itself for a property or entity type, by
    /// attribute or in <c>OnModelCreating</c>, is kept instead.
    /// </summary>
    /// <param name="declare">Declares on the model; called once per model built.</param>
    /// <returns>These options, for chaining.</returns>
    public PrivacyOptions DeclareModel(Action<Microsoft.EntityFrameworkCore.Metadata.IMutableModel> declare)
    {
        ArgumentNullException.ThrowIfNull(declare);
        ModelDeclarations.Add(declare);
        return this;
    }
}
