using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Network.Core.Tenancy.Migrations;

[DbContext(typeof(Network.Core.Tenancy.TenantsDbContext))]
[Migration("20261121224401_InitialTenants")]
public sealed class InitialTenants : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "Tenants" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Tenants" PRIMARY KEY AUTOINCREMENT,
                "Name" TEXT NOT NULL,
                "Prefix" TEXT NOT NULL,
                "DisplayName" TEXT NOT NULL,
                "State" TEXT NOT NULL,
                "Features" TEXT NOT NULL,
                "BlocMarqueLines" TEXT NOT NULL,
                "OperatorName" TEXT NOT NULL,
                "SiteName" TEXT NOT NULL,
                "Baseline" TEXT NOT NULL,
                "ContactEmail" TEXT NOT NULL,
                "Siret" TEXT NOT NULL,
                "DefaultCulture" TEXT NOT NULL,
                "RecipeName" TEXT NOT NULL,
                "CreatedUtc" TEXT NOT NULL,
                "UpdatedUtc" TEXT NOT NULL,
                "Version" TEXT NOT NULL
            );

            CREATE TABLE "TenantHosts" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_TenantHosts" PRIMARY KEY AUTOINCREMENT,
                "TenantId" INTEGER NOT NULL,
                "HostName" TEXT NOT NULL,
                CONSTRAINT "FK_TenantHosts_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
            );

            CREATE UNIQUE INDEX "IX_TenantHosts_HostName" ON "TenantHosts" ("HostName");

            CREATE INDEX "IX_TenantHosts_TenantId" ON "TenantHosts" ("TenantId");

            CREATE UNIQUE INDEX "IX_Tenants_Name" ON "Tenants" ("Name");

            CREATE UNIQUE INDEX "IX_Tenants_Prefix" ON "Tenants" ("Prefix");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("TenantHosts");
        migrationBuilder.DropTable("Tenants");
    }
}

