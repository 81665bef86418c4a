using System.Net;
using Chatbot.Tools.Http;
using Xunit;

namespace Chatbot.Tools.Tests.Http;

public sealed class BlockedAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("127.255.0.9", "a loopback address")]
    [InlineData("10.0.0.5", "a private address")]
    [InlineData("172.16.0.1", "a private address")]
    [InlineData("172.31.255.255", "a private address")]
    [InlineData("192.168.1.1", "a private address")]
    [InlineData("169.254.169.254", "a cloud metadata address")]
    [InlineData("169.254.10.10", "a link-local address")]
    [InlineData("100.64.0.1", "a carrier-grade NAT address")]
    [InlineData("100.100.100.200", "a cloud metadata address")]
    [InlineData("0.0.0.0", "an unspecified address")]
    [InlineData("224.0.0.251", "a multicast address")]
    [InlineData("255.255.255.255", "a reserved address")]
    [InlineData("::1", "a loopback address")]
    [InlineData("::", "an unspecified address")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("fd00::1", "a private (unique local) address")]
    [InlineData("fc12:3456::1", "a private (unique local) address")]
    [InlineData("fd00:ec2::254", "a cloud metadata address")]
    [InlineData("ff02::1", "a multicast address")]
    [InlineData("::ffff:127.0.0.1", "a loopback address")]
    [InlineData("::ffff:169.254.169.254", "a cloud metadata address")]
    [InlineData("64:ff9b::a00:5", "a private address")]
    [InlineData("2002:c0a8:0101::1", "a private address")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", "a Teredo address")]
    public void Reason_BlockedAddress_SaysWhy(string address, string reason) =>
        Assert.Equal(reason, BlockedAddresses.Reason(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Reason_PublicAddress_IsNull(string address) =>
        Assert.Null(BlockedAddresses.Reason(IPAddress.Parse(address)));
}
