using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Modules.Home.Data.Migrations;

[DbContext(typeof(Network.Modules.Home.Data.HomeDbContext))]
[Migration("20261122032026_InitialHome")]
public sealed class InitialHome : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "HomeLayoutPublications" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_HomeLayoutPublications" PRIMARY KEY AUTOINCREMENT,
                "LayoutJson" TEXT NOT NULL,
                "PublishedUtc" TEXT NOT NULL,
                "PublishedBy" TEXT NOT NULL
            );

            CREATE TABLE "HomeLayouts" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_HomeLayouts" PRIMARY KEY,
                "DraftJson" TEXT NOT NULL,
                "PublishedJson" TEXT NULL,
                "PublishedUtc" TEXT NULL,
                "UpdatedUtc" TEXT NOT NULL,
                "UpdatedBy" TEXT NOT NULL,
                "Version" TEXT NOT NULL
            );

            CREATE INDEX "IX_HomeLayoutPublications_PublishedUtc" ON "HomeLayoutPublications" ("PublishedUtc");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("HomeLayouts");
        migrationBuilder.DropTable("HomeLayoutPublications");
    }
}

