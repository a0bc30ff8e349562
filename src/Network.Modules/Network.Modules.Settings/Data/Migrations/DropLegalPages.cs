using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Modules.Settings.Data.Migrations;

/// <summary>Legal texts became pages of the Pages module; texts saved in this table are not carried over (no production data existed).</summary>
[DbContext(typeof(Network.Modules.Settings.Data.SiteSettingsDbContext))]
[Migration("20261122031000_DropLegalPages")]
public sealed class DropLegalPages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql("""DROP TABLE IF EXISTS "LegalPages";""");

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql("""
            CREATE TABLE "LegalPages" (
                "Slug" TEXT NOT NULL CONSTRAINT "PK_LegalPages" PRIMARY KEY,
                "Title" TEXT NOT NULL,
                "BodyMarkdown" TEXT NOT NULL,
                "TitleEn" TEXT NOT NULL,
                "BodyMarkdownEn" TEXT NOT NULL,
                "AccessibilityStatus" TEXT NULL,
                "UpdatedUtc" TEXT NOT NULL,
                "UpdatedBy" TEXT NOT NULL,
                "Version" TEXT NOT NULL
            );
            """);
}
