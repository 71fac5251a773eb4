namespace PrivacyEf.Generators.Tests;

/// <summary>A representative set of annotated entities, valid as a whole: the snapshot and caching tests use it.</summary>
internal static class EntitySources
{
    public const string Customer = """
        using System;
        using PrivacyEf;

        namespace Shop
        {
            public class Customer
            {
                public int Id { get; set; }

                [Personal(PersonalDataCategory.Identity, Mask = MaskStyle.Initials)]
                public string Name { get; set; } = "";

                [Personal(PersonalDataCategory.Contact, Encrypt = true, Searchable = true, Mask = MaskStyle.Email)]
                [Purpose("support", "billing")]
                public string Email { get; set; } = "";

                [Personal(PersonalDataCategory.Financial, Encrypt = true, Mask = MaskStyle.Last4)]
                [Purpose("billing")]
                public string? CardNumber { get; set; }

                [Personal(PersonalDataCategory.Credentials, Encrypt = true, Mask = MaskStyle.Hidden)]
                protected byte[]? ApiKeyHash { get; set; }

                [Personal(PersonalDataCategory.Identity, Mask = MaskStyle.YearOnly)]
                public DateTime? BirthDate { get; set; }
            }

            public class VipCustomer : Customer
            {
                [Personal(PersonalDataCategory.Demographic)]
                public string? PreferredLanguage { get; set; }
            }
        }
        """;

    public const string Ticket = """
        using System;
        using PrivacyEf;

        namespace Shop.Support
        {
            [Retain(730, From = nameof(ClosedAt), Then = RetentionAction.Anonymize)]
            [Purpose("support")]
            public class Ticket
            {
                public int Id { get; set; }

                [DataSubject]
                public int CustomerId { get; set; }

                [Personal(PersonalDataCategory.Contact, Encrypt = true, Searchable = true, Mask = MaskStyle.Email)]
                [Purpose("support", "billing")]
                public string Email { get; set; } = "";

                [Personal(PersonalDataCategory.FreeText, Redact = true)]
                public string Body { get; set; } = "";

                public DateTimeOffset? ClosedAt { get; set; }

                [LegalHold]
                public bool OnHold { get; set; }
            }
        }
        """;

    public const string Internal = """
        using System;
        using PrivacyEf;

        namespace Shop.Auditing
        {
            [Purpose("audit \"internal\"", @"security\review")]
            [Retain(1, From = "Written")]
            internal sealed class AuditEntry
            {
                public long Id { get; set; }

                [DataSubject]
                public Guid UserId { get; set; }

                [Personal(PersonalDataCategory.Online, Mask = MaskStyle.Pseudonym)]
                public string IpAddress { get; set; } = "";

                public DateTime Written { get; set; }
            }
        }
        """;

    public const string Nested = """
        using PrivacyEf;

        namespace Shop
        {
            public class Store
            {
                public int Id { get; set; }

                public class Address
                {
                    public int Id { get; set; }

                    [Personal(PersonalDataCategory.Location, Mask = MaskStyle.Redacted)]
                    public string Street { get; set; } = "";
                }

                internal class Clerk
                {
                    public int Id { get; set; }

                    [Personal(PersonalDataCategory.Identity)]
                    public string Name { get; set; } = "";
                }
            }
        }
        """;

    public const string GlobalNamespace = """
        using System;
        using PrivacyEf;

        [Retain(30, From = nameof(LastSeen))]
        public class Visitor
        {
            public int Id { get; set; }

            [Personal(PersonalDataCategory.Online, Encrypt = true)]
            public string CookieId { get; set; } = "";

            public DateTime LastSeen { get; set; }
        }
        """;

    /// <summary>
    /// An abstract generic base: nothing is generated for it and nothing reported, since its annotations reach the
    /// non-generic entities derived from it (a generic class that could itself be an entity reports PRIV017).
    /// </summary>
    public const string Generic = """
        using PrivacyEf;

        namespace Shop
        {
            public abstract class Envelope<T>
            {
                public int Id { get; set; }

                [Personal(PersonalDataCategory.Contact)]
                public string Sender { get; set; } = "";

                public T? Payload { get; set; }
            }
        }
        """;

    /// <summary>A positional record whose annotations are all on the properties of its parameters.</summary>
    public const string PositionalRecord = """
        using PrivacyEf;

        namespace Shop
        {
            public record Contact(
                int Id,
                [property: DataSubject] int PersonId,
                [property: Personal(PersonalDataCategory.Contact, Encrypt = true, Mask = MaskStyle.Email)] string Email);
        }
        """;

    public const string Unannotated = """
        namespace Shop
        {
            public class Product
            {
                public int Id { get; set; }

                public string Name { get; set; } = "";
            }
        }
        """;

    public static (string Path, string Source)[] All =>
    [
        ("Customer.cs", Customer),
        ("Ticket.cs", Ticket),
        ("AuditEntry.cs", Internal),
        ("Store.cs", Nested),
        ("Visitor.cs", GlobalNamespace),
        ("Envelope.cs", Generic),
        ("Contact.cs", PositionalRecord),
        ("Product.cs", Unannotated),
    ];
}
