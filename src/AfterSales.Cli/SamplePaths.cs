namespace AfterSales.Cli;

/// <summary>The sample files shipped beside the executable (copied from the repository's samples/ folder).</summary>
public static class SamplePaths
{
    public static string Events => Path.Combine(AppContext.BaseDirectory, "samples", "tickets.jsonl");

    public static string Settings => Path.Combine(AppContext.BaseDirectory, "samples", "settings.json");
}
