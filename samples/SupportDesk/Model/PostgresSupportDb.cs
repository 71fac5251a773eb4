using Microsoft.EntityFrameworkCore;

namespace SupportDesk.Model;

/// <summary>The same database on PostgreSQL; a type of its own so its migrations live beside the SQLite ones.</summary>
public class PostgresSupportDb(DbContextOptions<PostgresSupportDb> options) : SupportDb(options);
