using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Model;

namespace SupportDesk.Web;

/// <summary>The staff's endpoints: one query each, and what comes back depends on the purpose and the signed-in role.</summary>
internal static class SupportEndpoints
{
    public static void MapSupportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/support/customers", (SupportDb db) => db.Customers.OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.Email, c.Phone, c.Iban }).ToListAsync())
            .RequireAuthorization().RequirePurpose("support");
        endpoints.MapGet("/billing/customers", (SupportDb db) => db.Customers.OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.Iban }).ToListAsync())
            .RequireAuthorization().RequirePurpose("billing");
        endpoints.MapGet("/marketing/customers", (SupportDb db) => db.Customers.OrderBy(c => c.Id).Select(c => new { c.Id, c.Email }).ToListAsync())
            .RequireAuthorization().RequirePurpose("marketing");
    }
}
