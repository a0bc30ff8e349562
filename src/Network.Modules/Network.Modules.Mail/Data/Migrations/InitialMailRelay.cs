using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Modules.Mail.Data.Migrations;

[DbContext(typeof(Network.Modules.Mail.Data.MailRelayDbContext))]
[Migration("20261122113712_InitialMailRelay")]
public sealed class InitialMailRelay : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "MailRelay" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_MailRelay" PRIMARY KEY AUTOINCREMENT,
                "MessageId" TEXT NOT NULL,
                "PayloadJson" TEXT NOT NULL,
                "CreatedUtc" TEXT NOT NULL
            );

            CREATE INDEX "IX_MailRelay_CreatedUtc" ON "MailRelay" ("CreatedUtc");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("MailRelay");
    }
}

