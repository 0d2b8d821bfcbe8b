namespace HaloMcp.Silo.Tests;

/// <summary>Turns a hang into a test failure. This bounds a wait; it asserts nothing about speed.</summary>
public static class TaskGuard
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    public static Task Guard(this Task task) => task.WaitAsync(HangLimit);

    public static Task<T> Guard<T>(this Task<T> task) => task.WaitAsync(HangLimit);
}
