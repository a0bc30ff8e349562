using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Modules.Mail.Data.Migrations;

/// <summary>Messages relayed from a contact form carry the sender as Reply-To.</summary>
[DbContext(typeof(Network.Modules.Mail.Data.MailDbContext))]
[Migration("20261122031500_OutboxReplyTo")]
public sealed class OutboxReplyTo : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql("""ALTER TABLE "OutboxMessages" ADD COLUMN "ReplyTo" TEXT NULL;""");

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropColumn("ReplyTo", "OutboxMessages");
}
