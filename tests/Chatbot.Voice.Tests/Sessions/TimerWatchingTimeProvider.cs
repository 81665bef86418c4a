using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Chatbot.Voice.Tests.Sessions;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer created with a due time: the barrier a test waits on to
/// know the code under test is now waiting for time to pass (and for how long).
/// </summary>
internal sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>Due times of the timers created, in order.</summary>
    public ChannelReader<TimeSpan> Timers => _timers.Reader;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }
}
