using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Modules.Accounts.Data.Migrations;

[DbContext(typeof(Network.Modules.Accounts.Data.TenantRolesDbContext))]
[Migration("20261121224403_InitialTenantRoles")]
public sealed class InitialTenantRoles : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "Roles" (
                "Name" TEXT NOT NULL CONSTRAINT "PK_Roles" PRIMARY KEY,
                "Description" TEXT NOT NULL,
                "Permissions" TEXT NOT NULL
            );
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Roles");
    }
}

