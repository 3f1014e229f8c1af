namespace AfterSales.Azure.Tests.Support;

/// <summary>The folder holding AfterSales.Functions.sln, found by walking up from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AfterSales.Functions.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No AfterSales.Functions.sln above {AppContext.BaseDirectory}.");
    }
}
