namespace AfterSales.Core.Reports;

/// <summary>The defaults of the <c>Reports</c> section, added to <see cref="Settings.SettingsDefaults.Values"/>.</summary>
internal static class ReportDefaults
{
    public static void AddTo(IDictionary<string, string?> values)
    {
        values["Reports:Calendar"] = "Business";
        values["Reports:DigestDay"] = "Friday";
        values["Reports:DigestAt"] = "16:00";
        values["Reports:MonthlyDay"] = "1";
        values["Reports:MonthlyAt"] = "09:00";
        values["Reports:TeamRole"] = "Supervisor";
        values["Reports:ManagerRoles"] = "Manager";
    }
}
