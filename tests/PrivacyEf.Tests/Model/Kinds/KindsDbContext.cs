using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Kinds;

/// <summary>Three kinds of data subject and the rows linked to each.</summary>
public class KindsDbContext(DbContextOptions<KindsDbContext> options) : DbContext(options)
{
    public DbSet<Shopper> Shoppers => Set<Shopper>();

    public DbSet<StaffMember> Staff => Set<StaffMember>();

    public DbSet<Contractor> Contractors => Set<Contractor>();

    public DbSet<ShopperOrder> Orders => Set<ShopperOrder>();

    public DbSet<Payslip> Payslips => Set<Payslip>();

    public DbSet<ContractorInvoice> Invoices => Set<ContractorInvoice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Payslip>().Property(p => p.Amount).HasPrecision(12, 2);
}
