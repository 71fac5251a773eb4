using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Matrix.Owned;

/// <summary>The addresses in their owners' tables, as <c>[Owned]</c> maps them by default.</summary>
public sealed class OwnedReferenceDbContext(DbContextOptions<OwnedReferenceDbContext> options) : OwnedAddressDbContext(options);
