using System.Text.Json;

namespace AfterSales.Functions.Tests.Infra;

/// <summary>The local Service Bus emulator's queues are the ones Bicep creates, with the same delivery rules.</summary>
public sealed class ServiceBusQueueTests
{
    private static readonly string Root = RepositoryRoot.Find();

    [Fact]
    public void The_service_bus_emulator_and_bicep_create_the_same_queues()
    {
        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "dev", "servicebus", "Config.json"))).RootElement;
        var queues = config.GetProperty("UserConfig").GetProperty("Namespaces")[0].GetProperty("Queues").EnumerateArray().ToList();
        var bicep = File.ReadAllText(Path.Combine(Root, "infra", "modules", "servicebus.bicep"));

        Assert.Equal(["notifications", "ticket-events"], queues.Select(q => q.GetProperty("Name").GetString()).Order());
        foreach (var queue in queues)
        {
            Assert.Contains($"name: '{queue.GetProperty("Name").GetString()}'", bicep, StringComparison.Ordinal);
            var properties = queue.GetProperty("Properties");
            Assert.True(properties.GetProperty("DeadLetteringOnMessageExpiration").GetBoolean());
            Assert.True(properties.GetProperty("RequiresDuplicateDetection").GetBoolean());
            Assert.Equal(10, properties.GetProperty("MaxDeliveryCount").GetInt32());
        }
        Assert.Contains("maxDeliveryCount int = 10", bicep, StringComparison.Ordinal);
    }
}
