using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Modules.Follows.Data.Migrations;

[DbContext(typeof(Network.Modules.Follows.Data.FollowsDbContext))]
[Migration("20261122144240_InitialFollows")]
public sealed class InitialFollows : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "DigestDeliveries" (
                "UserId" TEXT NOT NULL,
                "Week" TEXT NOT NULL,
                "ItemCount" INTEGER NOT NULL,
                "QueuedUtc" TEXT NOT NULL,
                CONSTRAINT "PK_DigestDeliveries" PRIMARY KEY ("UserId", "Week")
            );

            CREATE TABLE "FollowerSettings" (
                "UserId" TEXT NOT NULL CONSTRAINT "PK_FollowerSettings" PRIMARY KEY,
                "NoDigest" INTEGER NOT NULL,
                "UpdatedUtc" TEXT NOT NULL
            );

            CREATE TABLE "Follows" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Follows" PRIMARY KEY AUTOINCREMENT,
                "UserId" TEXT NOT NULL,
                "Kind" TEXT NOT NULL,
                "Tenant" TEXT NOT NULL,
                "Key" TEXT NOT NULL,
                "Topic" TEXT NOT NULL,
                "Delivery" INTEGER NOT NULL,
                "CreatedUtc" TEXT NOT NULL
            );

            CREATE TABLE "ImmediateNotices" (
                "UserId" TEXT NOT NULL,
                "Tenant" TEXT NOT NULL,
                "ItemId" INTEGER NOT NULL,
                "QueuedUtc" TEXT NOT NULL,
                CONSTRAINT "PK_ImmediateNotices" PRIMARY KEY ("UserId", "Tenant", "ItemId")
            );

            CREATE INDEX "IX_Follows_Topic_Delivery" ON "Follows" ("Topic", "Delivery");

            CREATE UNIQUE INDEX "IX_Follows_UserId_Topic" ON "Follows" ("UserId", "Topic");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ImmediateNotices");
        migrationBuilder.DropTable("Follows");
        migrationBuilder.DropTable("FollowerSettings");
        migrationBuilder.DropTable("DigestDeliveries");
    }
}

