using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportDesk.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EncryptCustomerData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Phone",
                table: "Customers",
                type: "TEXT",
                nullable: true,
                comment: "Personal data (Contact); encrypted; purposes: support",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Customers",
                type: "TEXT",
                maxLength: 464,
                nullable: false,
                comment: "Personal data (Identity); encrypted; purposes: support, billing",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "Iban",
                table: "Customers",
                type: "TEXT",
                nullable: true,
                comment: "Personal data (Financial); encrypted; purposes: billing",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "Customers",
                type: "TEXT",
                maxLength: 864,
                nullable: false,
                comment: "Personal data (Contact); encrypted, searchable; purposes: support, billing, marketing",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<string>(
                name: "EmailBlindIndex",
                table: "Customers",
                type: "TEXT",
                maxLength: 24,
                nullable: true,
                comment: "Blind index (HMAC-SHA256, truncated) of Email, for equality lookups on the encrypted value");

            migrationBuilder.CreateTable(
                name: "privacy_data_keys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WrappedKey = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacy_data_keys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_EmailBlindIndex",
                table: "Customers",
                column: "EmailBlindIndex");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "privacy_data_keys");

            migrationBuilder.DropIndex(
                name: "IX_Customers_EmailBlindIndex",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "EmailBlindIndex",
                table: "Customers");

            migrationBuilder.AlterColumn<string>(
                name: "Phone",
                table: "Customers",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true,
                oldComment: "Personal data (Contact); encrypted; purposes: support");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Customers",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 464,
                oldComment: "Personal data (Identity); encrypted; purposes: support, billing");

            migrationBuilder.AlterColumn<string>(
                name: "Iban",
                table: "Customers",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true,
                oldComment: "Personal data (Financial); encrypted; purposes: billing");

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "Customers",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 864,
                oldComment: "Personal data (Contact); encrypted, searchable; purposes: support, billing, marketing");
        }
    }
}
