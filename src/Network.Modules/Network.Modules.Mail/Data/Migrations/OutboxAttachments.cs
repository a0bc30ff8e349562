using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Modules.Mail.Data.Migrations;

/// <summary>Messages may carry files (an event registration's calendar entry).</summary>
[DbContext(typeof(Network.Modules.Mail.Data.MailDbContext))]
[Migration("20261122113000_OutboxAttachments")]
public sealed class OutboxAttachments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql("""
            CREATE TABLE "OutboxAttachments" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxAttachments" PRIMARY KEY AUTOINCREMENT,
                "OutboxMessageId" INTEGER NOT NULL,
                "FileName" TEXT NOT NULL,
                "ContentType" TEXT NOT NULL,
                "Content" BLOB NOT NULL,
                CONSTRAINT "FK_OutboxAttachments_OutboxMessages_OutboxMessageId" FOREIGN KEY ("OutboxMessageId") REFERENCES "OutboxMessages" ("Id") ON DELETE CASCADE
            );

            CREATE INDEX "IX_OutboxAttachments_OutboxMessageId" ON "OutboxAttachments" ("OutboxMessageId");
            """);

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropTable("OutboxAttachments");
}
