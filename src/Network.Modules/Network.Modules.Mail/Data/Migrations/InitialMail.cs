using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Modules.Mail.Data.Migrations;

[DbContext(typeof(Network.Modules.Mail.Data.MailDbContext))]
[Migration("20261121225322_InitialMail")]
public sealed class InitialMail : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "OutboxMessages" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY AUTOINCREMENT,
                "MessageId" TEXT NOT NULL,
                "TenantName" TEXT NOT NULL,
                "To" TEXT NOT NULL,
                "ToName" TEXT NULL,
                "Subject" TEXT NOT NULL,
                "TextBody" TEXT NOT NULL,
                "HtmlBody" TEXT NOT NULL,
                "CreatedUtc" TEXT NOT NULL,
                "Attempts" INTEGER NOT NULL,
                "NextAttemptUtc" TEXT NULL,
                "LockedUntilUtc" TEXT NULL,
                "SentUtc" TEXT NULL,
                "LastError" TEXT NULL
            );

            CREATE UNIQUE INDEX "IX_OutboxMessages_MessageId" ON "OutboxMessages" ("MessageId");

            CREATE INDEX "IX_OutboxMessages_NextAttemptUtc" ON "OutboxMessages" ("NextAttemptUtc");

            CREATE INDEX "IX_OutboxMessages_SentUtc" ON "OutboxMessages" ("SentUtc");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("OutboxMessages");
    }
}

