using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Modules.Directory.Data.Migrations;

[DbContext(typeof(Network.Modules.Directory.Data.DirectoryDbContext))]
[Migration("20261122144113_InitialDirectory")]
public sealed class InitialDirectory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "DirectoryContactMessages" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_DirectoryContactMessages" PRIMARY KEY AUTOINCREMENT,
                "ThreadId" INTEGER NOT NULL,
                "FromUserId" TEXT NOT NULL,
                "Body" TEXT NOT NULL,
                "CreatedUtc" TEXT NOT NULL
            );

            CREATE TABLE "DirectoryContactReports" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_DirectoryContactReports" PRIMARY KEY AUTOINCREMENT,
                "ThreadId" INTEGER NOT NULL,
                "ReporterId" TEXT NOT NULL,
                "Reason" TEXT NOT NULL,
                "CreatedUtc" TEXT NOT NULL,
                "ClosedUtc" TEXT NULL
            );

            CREATE TABLE "DirectoryContactThreads" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_DirectoryContactThreads" PRIMARY KEY AUTOINCREMENT,
                "InitiatorId" TEXT NOT NULL,
                "RecipientId" TEXT NOT NULL,
                "Subject" TEXT NOT NULL,
                "CreatedUtc" TEXT NOT NULL,
                "RevealedUtc" TEXT NULL
            );

            CREATE TABLE "DirectoryMemberships" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_DirectoryMemberships" PRIMARY KEY AUTOINCREMENT,
                "OrganisationId" INTEGER NOT NULL,
                "UserId" TEXT NOT NULL,
                "UserName" TEXT NOT NULL,
                "Note" TEXT NOT NULL,
                "Status" TEXT NOT NULL,
                "IsAdmin" INTEGER NOT NULL,
                "RequestedUtc" TEXT NOT NULL,
                "DecidedUtc" TEXT NULL,
                "DecidedByUserId" TEXT NULL
            );

            CREATE TABLE "DirectoryProfiles" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_DirectoryProfiles" PRIMARY KEY AUTOINCREMENT,
                "UserId" TEXT NOT NULL,
                "Key" TEXT NOT NULL,
                "DisplayName" TEXT NOT NULL,
                "Role" TEXT NOT NULL,
                "Bio" TEXT NOT NULL,
                "Tags" TEXT NOT NULL,
                "IsPublic" INTEGER NOT NULL,
                "OpenToContact" INTEGER NOT NULL,
                "CreatedUtc" TEXT NOT NULL,
                "UpdatedUtc" TEXT NOT NULL
            );

            CREATE INDEX "IX_DirectoryContactMessages_FromUserId_CreatedUtc" ON "DirectoryContactMessages" ("FromUserId", "CreatedUtc");

            CREATE INDEX "IX_DirectoryContactMessages_ThreadId" ON "DirectoryContactMessages" ("ThreadId");

            CREATE INDEX "IX_DirectoryContactReports_ThreadId" ON "DirectoryContactReports" ("ThreadId");

            CREATE INDEX "IX_DirectoryContactThreads_InitiatorId" ON "DirectoryContactThreads" ("InitiatorId");

            CREATE INDEX "IX_DirectoryContactThreads_RecipientId" ON "DirectoryContactThreads" ("RecipientId");

            CREATE UNIQUE INDEX "IX_DirectoryMemberships_OrganisationId_UserId" ON "DirectoryMemberships" ("OrganisationId", "UserId");

            CREATE INDEX "IX_DirectoryMemberships_UserId" ON "DirectoryMemberships" ("UserId");

            CREATE UNIQUE INDEX "IX_DirectoryProfiles_Key" ON "DirectoryProfiles" ("Key");

            CREATE UNIQUE INDEX "IX_DirectoryProfiles_UserId" ON "DirectoryProfiles" ("UserId");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("DirectoryProfiles");
        migrationBuilder.DropTable("DirectoryMemberships");
        migrationBuilder.DropTable("DirectoryContactThreads");
        migrationBuilder.DropTable("DirectoryContactReports");
        migrationBuilder.DropTable("DirectoryContactMessages");
    }
}

