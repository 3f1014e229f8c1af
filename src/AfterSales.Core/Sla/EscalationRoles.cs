namespace AfterSales.Core.Sla;

/// <summary>The roles the default ladder uses. Admins may name other roles in settings.</summary>
public static class EscalationRoles
{
    public const string Owner = "Owner";
    public const string Supervisor = "Supervisor";
    public const string DepartmentHead = "DepartmentHead";
    public const string Manager = "Manager";
    public const string SeniorManager = "SeniorManager";
    public const string DutyManager = "DutyManager";
    public const string RevisitTeam = "RevisitTeam";
}
