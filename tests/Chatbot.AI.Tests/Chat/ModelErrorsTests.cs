using System.ClientModel;
using System.Net;
using Chatbot.AI.Chat;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Xunit;

namespace Chatbot.AI.Tests.Chat;

public sealed class ModelErrorsTests
{
    public static TheoryData<Exception> Timeouts =>
    [
        new TimeoutException(),
        new TimeoutRejectedException(),
        new TaskCanceledException("HttpClient.Timeout", new TimeoutException()),
    ];

    [Theory]
    [MemberData(nameof(Timeouts))]
    public void Describe_Timeout_IsModelTimeout(Exception exception)
    {
        Assert.Equal((ModelErrors.Timeout, "The model did not answer in time."), ModelErrors.Describe(exception));
    }

    [Fact]
    public void Describe_HttpStatus_IsModelErrorNamingTheStatus()
    {
        var (code, message) = ModelErrors.Describe(new HttpRequestException("no", null, HttpStatusCode.BadGateway));

        Assert.Equal(ModelErrors.Failed, code);
        Assert.Contains("502", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_ClientResultWithoutStatus_IsGenericModelError()
    {
        Assert.Equal(ModelErrors.Failed, ModelErrors.Describe(new ClientResultException("boom")).Code);
    }

    [Theory]
    [InlineData(typeof(IOException))]
    [InlineData(typeof(HttpRequestException))]
    [InlineData(typeof(BrokenCircuitException))]
    [InlineData(typeof(InvalidOperationException))]
    public void Describe_OtherFailures_AreModelErrorWithoutInternals(Type type)
    {
        var exception = (Exception)Activator.CreateInstance(type, "secret internal detail")!;

        var (code, message) = ModelErrors.Describe(exception);

        Assert.Equal(ModelErrors.Failed, code);
        Assert.DoesNotContain("secret", message, StringComparison.Ordinal);
    }
}
