using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Modules.Menus.Data.Migrations;

[DbContext(typeof(Network.Modules.Menus.Data.MenusDbContext))]
[Migration("20261122031836_InitialMenus")]
public sealed class InitialMenus : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "MenuEntries" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_MenuEntries" PRIMARY KEY AUTOINCREMENT,
                "ParentEntryId" INTEGER NULL,
                "Position" INTEGER NOT NULL,
                "Kind" TEXT NOT NULL,
                "PageId" INTEGER NULL,
                "ModuleId" TEXT NULL,
                "Target" TEXT NULL,
                "Label" TEXT NOT NULL,
                "LabelEn" TEXT NOT NULL
            );

            CREATE TABLE "MenuStates" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_MenuStates" PRIMARY KEY,
                "IsCustom" INTEGER NOT NULL,
                "Version" INTEGER NOT NULL,
                "UpdatedUtc" TEXT NOT NULL
            );

            CREATE INDEX "IX_MenuEntries_ParentEntryId_Position" ON "MenuEntries" ("ParentEntryId", "Position");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("MenuStates");
        migrationBuilder.DropTable("MenuEntries");
    }
}

