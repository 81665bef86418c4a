using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.EndToEnd.Tests.Voice;
using Chatbot.Testing;
using Chatbot.Testing.Gateway;
using Chatbot.Testing.Voice;
using Chatbot.Voice.Audio;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Chatbot.EndToEnd.Tests.WebUi;

/// <summary>
/// Speaking to the web UI in Debian's Chromium: its fake microphone plays a WAV of espeak-ng speech (once, in real
/// time); the page captures it with an AudioWorklet, streams it over the voice WebSocket as 16 kHz PCM16, shows the
/// transcript and the answer, plays the answer's audio and silences it when spoken over.
/// </summary>
public sealed class VoicePageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Question = "what is the refund policy for damaged goods";
    private const int Rate = 48_000;

    private GatewayHost? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private DirectoryInfo? _folder;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(WebUiFixture.ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {WebUiFixture.ChromiumPath}. Install the Debian package 'chromium' (bash scripts/install-test-deps.sh).");
        }

        _server = await GatewayHost.StartAsync(new Dictionary<string, string> { ["webroot"] = RepositoryPaths.GatewayWebRoot }, cancellationToken: Ct);
        using var form = new MultipartFormDataContent { { new StringContent(VoiceGatewayFixture.Document), "files", "support.md" } };
        (await _server.Client.PostAsync("api/v1/knowledge/upload", form, Ct)).EnsureSuccessStatusCode();
        while ((await _server.Client.GetFromJsonAsync<JsonElement>("api/v1/knowledge/status/default", Ct)).GetProperty("done").GetInt32() != 1)
        {
            await Task.Delay(100, Ct); // the index job runs on its own; only its status shows progress
        }

        _folder = Directory.CreateTempSubdirectory("chatbot-voice-ui-");
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _folder?.Delete(recursive: true);
    }

    [Fact]
    public async Task Microphone_SpokenQuestion_ShowsTheTranscriptAndSpeaksTheAnswerThenTypingGoesOn()
    {
        // The microphone: a second of silence, the question, then silence.
        await LaunchWithMicrophoneAsync(Signals.Concat(Signals.Silence(Rate, 1.0), await Speech.SpeakAsync(Question, Rate, Ct), Signals.Silence(Rate, 3.0)));
        await using var chat = await ChatPage.OpenAsync(_browser!, _server!.BaseAddress);

        // 1. Type first, over the chat API (SSE).
        await chat.SendAsync("Is shipping free?");
        await Expect(chat.LastAnswer).ToHaveAttributeAsync("data-status", "complete");
        await Expect(chat.LastAnswer.GetByTestId("answer")).ToContainTextAsync("fifty dollars");

        // 2. Speak in the same conversation: the transcript appears as the user's message, the answer as text with its audio.
        await chat.MicButton.ClickAsync();
        await Expect(chat.MicButton).ToHaveAttributeAsync("aria-pressed", "true");
        var heard = chat.Page.Locator("[data-testid=message][data-role=user][data-source=voice][data-status=final]");
        await Expect(heard).ToHaveCountAsync(1);
        output.WriteLine($"heard: '{await heard.TextContentAsync()}'");
        await Expect(heard).ToContainTextAsync("refund policy");
        var answer = chat.Page.Locator("[data-testid=message][data-role=assistant][data-source=voice]");
        await Expect(answer).ToHaveAttributeAsync("data-status", "complete");
        await Expect(answer.GetByTestId("answer")).ToContainTextAsync("thirty days");
        var chunks = await IntAttributeAsync(answer, "data-audio-chunks");
        var audioMs = await IntAttributeAsync(answer, "data-audio-ms");
        output.WriteLine($"answer: {chunks} audio chunks, {audioMs} ms of speech");
        Assert.True(chunks > 5 && audioMs > 1_500, $"{chunks} audio chunks, {audioMs} ms of speech");

        // 3. Type while the microphone is on: the question goes through the voice session and is answered aloud.
        await chat.SendAsync("How do I reset my password?");
        await Expect(answer).ToHaveCountAsync(2);
        await Expect(answer.Last).ToHaveAttributeAsync("data-status", "complete");
        await Expect(answer.Last.GetByTestId("answer")).ToContainTextAsync("forgot password");

        // 4. Microphone off, then typing goes over the chat API again, in the same conversation.
        await chat.MicButton.ClickAsync();
        await Expect(chat.VoiceStatus).ToBeEmptyAsync();
        await chat.SendAsync("When is customer service open?");
        await Expect(chat.LastAnswer).ToHaveAttributeAsync("data-status", "complete");
        await Expect(chat.LastAnswer.GetByTestId("answer")).ToContainTextAsync("nine to five");
        await Expect(chat.Messages).ToHaveCountAsync(8);

        // 5. The stored conversation holds all four turns, typed and spoken, in order.
        var transcript = (await heard.TextContentAsync())!.Trim();
        await chat.Page.ReloadAsync();
        await chat.Conversation("Is shipping free?").GetByTestId("conversation-open").ClickAsync();
        await Expect(chat.Messages).ToHaveCountAsync(8);
        await Expect(chat.Messages.Nth(0)).ToHaveTextAsync("Is shipping free?");
        await Expect(chat.Messages.Nth(2)).ToHaveTextAsync(transcript);
        await Expect(chat.Messages.Nth(4)).ToHaveTextAsync("How do I reset my password?");
        Assert.Empty(chat.PageErrors);
    }

    [Fact]
    public async Task Microphone_SpeakingOverTheAnswer_SilencesItAndAnswersTheNewQuestion()
    {
        // The microphone: the question, then, while the answer (about four seconds of speech, starting a second or two
        // after the question ends) is playing, a second question over it. The file plays in real time whatever the
        // machine's load, so the gap leaves the answer 3.5 s to start (it takes about 2 s on a busy machine).
        var question = Signals.Concat(Signals.Silence(Rate, 1.0), await Speech.SpeakAsync(Question, Rate, Ct));
        await LaunchWithMicrophoneAsync(Signals.Concat(
            question, Signals.Silence(Rate, 7.0 - question.Length / (double)Rate),
            await Speech.SpeakAsync("how do i reset my password", Rate, Ct), Signals.Silence(Rate, 6.0)));
        await using var chat = await ChatPage.OpenAsync(_browser!, _server!.BaseAddress);

        await chat.MicButton.ClickAsync();
        var answers = chat.Page.Locator("[data-testid=message][data-role=assistant][data-source=voice]");
        var heard = chat.Page.Locator("[data-testid=message][data-role=user][data-source=voice][data-status=final]");

        // 1. The first answer is cut off: marked interrupted, its audio silenced part-way.
        await Expect(answers.First).ToHaveAttributeAsync("data-status", "interrupted");
        var audioMs = await IntAttributeAsync(answers.First, "data-audio-ms");
        var playedMs = await IntAttributeAsync(answers.First, "data-played-ms");
        var heardMs = await IntAttributeAsync(answers.First, "data-heard-ms");
        output.WriteLine($"first answer: {audioMs} ms of audio received; interrupted after {playedMs} ms played (server), {heardMs} ms heard in the browser");
        Assert.InRange(heardMs, 1, audioMs);
        Assert.InRange(playedMs, 1, audioMs);

        // 2. The words spoken over it are the next question, answered to the end.
        await Expect(heard).ToHaveCountAsync(2);
        output.WriteLine($"heard: '{await heard.First.TextContentAsync()}', then '{await heard.Last.TextContentAsync()}'");
        await Expect(heard.Last).ToContainTextAsync("password");
        await Expect(answers).ToHaveCountAsync(2);
        await Expect(answers.Last).ToHaveAttributeAsync("data-status", "complete");
        await Expect(answers.Last.GetByTestId("answer")).ToContainTextAsync("forgot password");
        await Expect(answers.First).ToHaveAttributeAsync("data-status", "interrupted");
        await Expect(answers.First.GetByTestId("message-status")).ToContainTextAsync("Interrupted");

        // 3. Nothing of the interrupted answer came after it was interrupted.
        Assert.Equal(audioMs, await IntAttributeAsync(answers.First, "data-audio-ms"));
        Assert.Empty(chat.PageErrors);
    }

    private async Task LaunchWithMicrophoneAsync(short[] samples)
    {
        var wav = Path.Combine(_folder!.FullName, "microphone.wav");
        await File.WriteAllBytesAsync(wav, WavFile.Write(samples, Rate), Ct);
        _browser = await _playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = WebUiFixture.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-audio-capture={wav}%noloop",
            ],
        });
    }

    private static async Task<int> IntAttributeAsync(ILocator locator, string name) =>
        int.Parse(await locator.GetAttributeAsync(name) ?? "0", CultureInfo.InvariantCulture);
}
