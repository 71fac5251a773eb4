using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportDesk.Migrations.Postgres
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
                type: "text",
                nullable: true,
                comment: "Personal data (Contact); encrypted; purposes: support",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Customers",
                type: "character varying(464)",
                maxLength: 464,
                nullable: false,
                comment: "Personal data (Identity); encrypted; purposes: support, billing",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "Iban",
                table: "Customers",
                type: "text",
                nullable: true,
                comment: "Personal data (Financial); encrypted; purposes: billing",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "Customers",
                type: "character varying(864)",
                maxLength: 864,
                nullable: false,
                comment: "Personal data (Contact); encrypted, searchable; purposes: support, billing, marketing",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<string>(
                name: "EmailBlindIndex",
                table: "Customers",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true,
                comment: "Blind index (HMAC-SHA256, truncated) of Email, for equality lookups on the encrypted value");

            migrationBuilder.CreateTable(
                name: "privacy_data_keys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WrappedKey = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false)
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
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true,
                oldComment: "Personal data (Contact); encrypted; purposes: support");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Customers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(464)",
                oldMaxLength: 464,
                oldComment: "Personal data (Identity); encrypted; purposes: support, billing");

            migrationBuilder.AlterColumn<string>(
                name: "Iban",
                table: "Customers",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true,
                oldComment: "Personal data (Financial); encrypted; purposes: billing");

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "Customers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(864)",
                oldMaxLength: 864,
                oldComment: "Personal data (Contact); encrypted, searchable; purposes: support, billing, marketing");
        }
    }
}
