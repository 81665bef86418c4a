using Chatbot.Safety.Guards;
using Chatbot.Safety.Pii;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Chatbot.Safety.Tests.Pii;

public sealed class PiiDetectorTests
{
    private readonly PiiDetector _detector = new(new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]
    [InlineData("110105194912310021", false)] // wrong check character
    [InlineData("110105194902300023", false)] // 30 February
    [InlineData("110105189912310023", false)] // born before 1900
    [InlineData("010105194912310026", false)] // region code starting with 0
    public void ChineseResidentId_ChecksChecksumAndBirthDate(string id, bool valid) =>
        Assert.Equal(valid, ChineseResidentId.IsValid(id, new DateOnly(2025, 6, 1)));

    [Fact]
    public void ChineseResidentId_BirthDateInTheFuture_IsInvalid()
    {
        var first17 = "11010520300101001";
        var id = first17 + ChineseResidentId.CheckCharacter(first17);

        Assert.False(ChineseResidentId.IsValid(id, new DateOnly(2025, 6, 1)));
        Assert.True(ChineseResidentId.IsValid(id, new DateOnly(2031, 1, 1)));
    }

    [Fact]
    public void Detect_ResidentIdInText_OnlyWhenChecksumIsValid()
    {
        var found = _detector.Detect("身份证号 11010519491231002X，另一个 110105194912310021。");

        var id = Assert.Single(found, f => f.Kind == GuardKinds.ChineseResidentId);
        Assert.Equal(5, id.Span.Start);
        Assert.Equal(18, id.Span.Length);
    }

    [Theory]
    [InlineData("4111 1111 1111 1111", true)]
    [InlineData("4111-1111-1111-1111", true)]
    [InlineData("4111111111111111", true)]
    [InlineData("4111 1111 1111 1112", false)]
    [InlineData("378282246310005", true)]   // 15 digits
    [InlineData("4222222222222", true)]     // 13 digits
    [InlineData("6250941006528599", true)]  // UnionPay
    [InlineData("0000 0000 0000 0000", false)]
    public void Detect_CardNumber_ReportedOnlyWhenLuhnValid(string card, bool reported)
    {
        var found = _detector.Detect($"Please charge card {card} today.");

        Assert.Equal(reported, found.Any(f => f.Kind == GuardKinds.BankCard && f.Span.Of($"Please charge card {card} today.") == card));
    }

    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("+8613812345678")]
    [InlineData("(415) 555-2671")]
    [InlineData("415-555-2671")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("+1 (415) 555-2671")]
    [InlineData("010-12345678")]
    public void Detect_PhoneNumber_IsReportedWhole(string phone)
    {
        var text = $"Call me on {phone}, thanks.";

        var finding = Assert.Single(_detector.Detect(text));

        Assert.Equal(GuardKinds.Phone, finding.Kind);
        Assert.Equal(phone, finding.Span.Of(text));
    }

    [Theory]
    [InlineData("The release is on 2024-01-15 at 10:30:00.")]
    [InlineData("Order 48213 shipped, version 1.2.3, 12345 items.")]
    [InlineData("手机号12345678901不对")]
    [InlineData("Meet at 12:30 in room 4.")]
    public void Detect_NumbersThatAreNotPersonalData_AreIgnored(string text) => Assert.Empty(_detector.Detect(text));

    [Theory]
    [InlineData("ada.lovelace+work@example.co.uk", GuardKinds.Email)]
    [InlineData("192.168.1.10", GuardKinds.IpAddress)]
    [InlineData("2001:db8::8a2e:370:7334", GuardKinds.IpAddress)]
    [InlineData("fe80::1", GuardKinds.IpAddress)]
    public void Detect_EmailAndIpAddresses(string value, string kind)
    {
        var text = $"联系 {value} 即可";

        var finding = Assert.Single(_detector.Detect(text));

        Assert.Equal(kind, finding.Kind);
        Assert.Equal(value, finding.Span.Of(text));
    }

    [Fact]
    public void Redact_MixedText_ReplacesEachFindingWithItsPlaceholder()
    {
        const string Text = "I'm ada@example.com, 手机 13812345678, card 4111 1111 1111 1111, ID 11010519491231002X, from 10.0.0.7.";

        var redacted = PiiRedactor.Redact(Text, _detector.Detect(Text));

        Assert.Equal("I'm [EMAIL], 手机 [PHONE], card [BANK_CARD], ID [CN_ID], from [IP].", redacted);
    }
}
