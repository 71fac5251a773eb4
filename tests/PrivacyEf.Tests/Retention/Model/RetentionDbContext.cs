using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Retention.Model;

public class RetentionDbContext(DbContextOptions<RetentionDbContext> options) : DbContext(options)
{
    public DbSet<SupportTicket> Tickets => Set<SupportTicket>();

    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();

    public DbSet<PurchaseOrder> Orders => Set<PurchaseOrder>();

    public DbSet<PurchaseOrderLine> OrderLines => Set<PurchaseOrderLine>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<Payment> Payments => Set<Payment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PurchaseOrderLine>()
            .HasOne(l => l.PurchaseOrder).WithMany(o => o.Lines)
            .HasForeignKey(l => l.PurchaseOrderId).OnDelete(DeleteBehavior.Restrict);
        modelBuilder.Entity<Payment>()
            .HasOne(p => p.Invoice).WithMany()
            .HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        modelBuilder.Entity<Payment>().Property(p => p.Amount).HasPrecision(12, 2);
    }
}
