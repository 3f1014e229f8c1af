using AfterSales.Core.Settings;
using AfterSales.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AfterSales.Functions.Tests.Triggers;

/// <summary>Start-up through the registration Program.cs uses: a bad setting stops the app naming every bad key.</summary>
public sealed class StartupTests
{
    [Fact]
    public void A_bad_setting_in_any_section_stops_start_up_listing_every_bad_key()
    {
        var settings = FunctionsApp.Settings("UseDevelopmentStorage=true", "AfterSales", Path.GetTempPath(),
        [
            ("Sla:Policies:P1:FirstResponse", "10 minutes"),
            ("Sms:From", "0138"),
            ("ServiceBusConnection:fullyQualifiedNamespace", null),
            ("NotificationsQueue", null),
        ]);
        using var provider = FunctionsApp.Build(settings, "2026-10-16 09:00", new CapturedLogs(), out _);

        var error = Assert.Throws<SettingsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            ["NotificationsQueue", "ServiceBusConnection__fullyQualifiedNamespace", "Sla__Policies__P1__FirstResponse", "Sms__From"],
            error.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_service_the_functions_need_resolves_and_none_is_registered_twice()
    {
        var settings = FunctionsApp.Settings("UseDevelopmentStorage=true", "AfterSales", Path.GetTempPath(), []);
        var services = new ServiceCollection();
        services.AddAfterSalesFunctions(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        var ours = services.Where(s => s.ServiceType.Namespace?.StartsWith("AfterSales", StringComparison.Ordinal) == true).ToList();
        Assert.Empty(ours.GroupBy(s => s.ServiceType).Where(g => g.Count() > 1 && g.Key.Name is not "IHostedService").Select(g => g.Key.Name));

        using var provider = FunctionsApp.Build(settings, "2026-10-16 09:00", new CapturedLogs(), out _);
        provider.GetRequiredService<IStartupValidator>().Validate();
        using var invocation = provider.CreateScope();
        foreach (var function in typeof(SlaSweep).Assembly.GetTypes().Where(t => t.GetMethods().Any(m => m.GetCustomAttributes(typeof(Microsoft.Azure.Functions.Worker.FunctionAttribute), false).Length > 0)))
            Assert.NotNull(ActivatorUtilities.CreateInstance(invocation.ServiceProvider, function));
    }
}
