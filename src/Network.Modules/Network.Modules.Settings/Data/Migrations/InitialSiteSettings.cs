using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Modules.Settings.Data.Migrations;

[DbContext(typeof(Network.Modules.Settings.Data.SiteSettingsDbContext))]
[Migration("20261121225927_InitialSiteSettings")]
public sealed class InitialSiteSettings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
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

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("LegalPages");
    }
}

