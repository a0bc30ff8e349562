using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Modules.Mail.Data.Migrations;

/// <summary>Bulk mail (digests) waits behind transactional mail; messages may carry extra headers (List-Unsubscribe).</summary>
[DbContext(typeof(Network.Modules.Mail.Data.MailDbContext))]
[Migration("20261122143000_OutboxPriorityAndHeaders")]
public sealed class OutboxPriorityAndHeaders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql("""
            ALTER TABLE "OutboxMessages" ADD COLUMN "HeadersJson" TEXT NULL;
            ALTER TABLE "OutboxMessages" ADD COLUMN "Priority" INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX "IX_OutboxMessages_Priority_Due" ON "OutboxMessages" ("Priority", "NextAttemptUtc") WHERE "NextAttemptUtc" IS NOT NULL;
            """);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_OutboxMessages_Priority_Due", "OutboxMessages");
        migrationBuilder.DropColumn("Priority", "OutboxMessages");
        migrationBuilder.DropColumn("HeadersJson", "OutboxMessages");
    }
}
