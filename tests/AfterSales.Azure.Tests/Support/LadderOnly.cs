using AfterSales.Core.Settings;

namespace AfterSales.Azure.Tests.Support;

/// <summary>
/// The shipped defaults with the major incident rule off, for tests of the ladder and of the storage and sweep
/// mechanics that use P1 tickets for their many steps: their counts and lists are the ladder's. The rule itself, on
/// by default, is tested through the same sweep in PolicyRules/.
/// </summary>
internal static class LadderOnly
{
    public static AfterSalesSettings Settings(params (string Key, string? Value)[] overrides) =>
        TestSettings.With([("MajorIncident:Priorities", ""), .. overrides]);
}
