using Microsoft.EntityFrameworkCore;

namespace SupportDesk.Accounts;

/// <summary>The sign-in database on PostgreSQL; a type of its own so its migrations live beside the SQLite ones.</summary>
public class PostgresAccountsDb(DbContextOptions<PostgresAccountsDb> options) : AccountsDb(options);
