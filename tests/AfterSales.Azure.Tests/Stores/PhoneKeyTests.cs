using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Texts;
using Azure.Data.Tables;
using NodaTime;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Stores;

/// <summary>Phone numbers in the opt-out, sent-text and survey tables' keys are keyed hashes, and old rows move to them.</summary>
public class PhoneKeyTests : TextStorageTest
{
    private const string Number = "+8613800138000";
    private const string EscapedNumber = "%2B8613800138000";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ContactKeys Keys = new(TestStorage.KeyHashSecret);

    [Fact]
    public void A_key_is_the_same_for_the_same_number_and_secret_and_tells_nothing_of_the_number()
    {
        var key = Keys.Phone(Number);

        Assert.Equal(key, new ContactKeys(TestStorage.KeyHashSecret).Phone(" " + Number + " "));
        Assert.NotEqual(key, new ContactKeys(TestStorage.KeyHashSecret + "x").Phone(Number));
        Assert.NotEqual(key, Keys.Phone("+8613800138001"));
        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.False(ContactKeys.IsLegacyPhoneKey(key));
        Assert.True(ContactKeys.IsLegacyPhoneKey(EscapedNumber));
    }

    [Fact]
    public void An_email_key_ignores_case_and_differs_from_a_phone_key_of_the_same_text()
    {
        Assert.Equal(Keys.Email("Li.Wei@Example.com"), Keys.Email(" li.wei@example.com"));
        Assert.NotEqual(Keys.Email("+8613800138000"), Keys.Phone("+8613800138000"));
        Assert.Matches("^[0-9a-f]{64}$", Keys.Email("li.wei@example.com"));
    }

    [Fact]
    public async Task Opt_outs_sent_texts_and_surveys_are_stored_under_the_numbers_hash()
    {
        await Texts.OptOuts.SetAsync(Number, true, At("2026-10-12 10:00"), "STOP", None);
        await Texts.SentTexts.RecordAsync(Number, new SentText("T-1|ack", TextKind.Acknowledgement, At("2026-10-12 09:00"), true), None);
        await Texts.Surveys.RecordSentAsync(new SurveySent("T-1|survey|1", "T-1", "C-1", Number, At("2026-10-12 09:30")), None);

        Assert.Equal([Keys.Phone(Number)], await PartitionKeysAsync("OptOuts"));
        Assert.Equal([Keys.Phone(Number)], await PartitionKeysAsync("SentTexts"));
        Assert.Equal(["T-1", "phone:" + Keys.Phone(Number)], await PartitionKeysAsync("Surveys"));
        Assert.True(await Texts.OptOuts.IsOptedOutAsync(Number, None));
        Assert.Single(await Texts.SentTexts.ListSinceAsync(Number, At("2026-10-12 00:00"), None));
        Assert.Equal("T-1|survey|1", (await Texts.Surveys.LatestOpenAsync(Number, At("2026-10-12 00:00"), None))?.SurveyKey);
    }

    [Fact]
    public async Task An_opt_out_stored_under_the_number_is_honoured_and_moved_the_first_time_the_number_is_read()
    {
        await RawTable("OptOuts").AddEntityAsync(LegacyOptOut(true, "2026-10-01 10:00"));

        Assert.True(await Texts.OptOuts.IsOptedOutAsync(Number, None));

        Assert.Equal([Keys.Phone(Number)], await PartitionKeysAsync("OptOuts"));
        Assert.True(await Texts.OptOuts.IsOptedOutAsync(Number, None));
    }

    [Fact]
    public async Task A_start_older_than_a_stop_stored_under_the_number_does_not_win()
    {
        await RawTable("OptOuts").AddEntityAsync(LegacyOptOut(true, "2026-10-05 10:00"));

        Assert.False(await Texts.OptOuts.SetAsync(Number, false, At("2026-10-04 10:00"), "START", None));

        Assert.True(await Texts.OptOuts.IsOptedOutAsync(Number, None));
    }

    [Fact]
    public async Task An_older_row_left_under_the_number_never_overrides_a_newer_one_under_the_hash()
    {
        await Texts.OptOuts.SetAsync(Number, false, At("2026-10-06 10:00"), "START", None);
        await RawTable("OptOuts").AddEntityAsync(LegacyOptOut(true, "2026-10-05 10:00"));

        var (optOuts, _, _) = await Texts.MoveLegacyPhoneKeysAsync(None);

        Assert.Equal(1, optOuts);
        Assert.False(await Texts.OptOuts.IsOptedOutAsync(Number, None));
        Assert.Equal([Keys.Phone(Number)], await PartitionKeysAsync("OptOuts"));
    }

    [Fact]
    public async Task The_migration_moves_every_row_keyed_by_a_number_and_moves_nothing_the_second_time()
    {
        await RawTable("OptOuts").AddEntityAsync(LegacyOptOut(true, "2026-10-01 10:00"));
        await RawTable("SentTexts").AddEntityAsync(new TableEntity(EscapedNumber, "T-1%7Cack")
        {
            ["Key"] = "T-1|ack", ["Kind"] = nameof(TextKind.Acknowledgement), ["SentAt"] = At("2026-10-12 09:00").ToDateTimeOffset(), ["BudgetExempt"] = true,
        });
        await RawTable("Surveys").AddEntityAsync(new TableEntity("phone:" + EscapedNumber, "T-1%7Csurvey%7C1")
        {
            ["SurveyKey"] = "T-1|survey|1", ["TicketId"] = "T-1", ["CustomerId"] = "C-1", ["Phone"] = Number, ["SentAt"] = At("2026-10-12 09:30").ToDateTimeOffset(),
        });

        Assert.Equal((1, 1, 1), await Texts.MoveLegacyPhoneKeysAsync(None));
        Assert.Equal((0, 0, 0), await Texts.MoveLegacyPhoneKeysAsync(None));

        foreach (var table in new[] { "OptOuts", "SentTexts", "Surveys" })
            Assert.All(await PartitionKeysAsync(table), key => Assert.DoesNotContain("8613800138000", key, StringComparison.Ordinal));
        Assert.True(await Texts.OptOuts.IsOptedOutAsync(Number, None));
        var sent = Assert.Single(await Texts.SentTexts.ListSinceAsync(Number, At("2026-10-12 00:00"), None));
        Assert.Equal(("T-1|ack", TextKind.Acknowledgement, true), (sent.Key, sent.Kind, sent.IsBudgetExempt));
        Assert.Equal("T-1", (await Texts.Surveys.LatestOpenAsync(Number, At("2026-10-12 00:00"), None))?.TicketId);
    }

    private static TableEntity LegacyOptOut(bool optedOut, string changedAt) =>
        new(EscapedNumber, "") { ["OptedOut"] = optedOut, ["ChangedAt"] = At(changedAt).ToDateTimeOffset(), ["Keyword"] = optedOut ? "STOP" : "START" };

    private async Task<List<string>> PartitionKeysAsync(string table)
    {
        var keys = new List<string>();
        await foreach (var row in RawTable(table).QueryAsync<TableEntity>()) keys.Add(row.PartitionKey);
        return [.. keys.Order(StringComparer.Ordinal)];
    }
}
