using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Modules.Media.Data.Migrations;

[DbContext(typeof(Network.Modules.Media.Data.MediaDbContext))]
[Migration("20261122004220_InitialMedia")]
public sealed class InitialMedia : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "MediaItems" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_MediaItems" PRIMARY KEY AUTOINCREMENT,
                "Key" TEXT NOT NULL,
                "Kind" TEXT NOT NULL,
                "OriginalFileName" TEXT NOT NULL,
                "ContentType" TEXT NOT NULL,
                "Length" INTEGER NOT NULL,
                "Width" INTEGER NULL,
                "Height" INTEGER NULL,
                "Fallback" TEXT NULL,
                "Widths" TEXT NOT NULL,
                "DocumentName" TEXT NULL,
                "Alt" TEXT NOT NULL,
                "Decorative" INTEGER NOT NULL,
                "Credit" TEXT NOT NULL,
                "UploadedBy" TEXT NOT NULL,
                "UploadedUtc" TEXT NOT NULL
            );

            CREATE UNIQUE INDEX "IX_MediaItems_Key" ON "MediaItems" ("Key");

            CREATE INDEX "IX_MediaItems_UploadedUtc" ON "MediaItems" ("UploadedUtc");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("MediaItems");
    }
}

