using System.Reflection;

namespace HaloMcp.Silo;

/// <summary>A grain method whose result is <typeparamref name="T"/> (<see cref="object"/> for <c>Task</c>/<c>ValueTask</c>).</summary>
internal sealed class GrainMethod<T> : GrainMethod
{
    private readonly ReturnKind _kind;
    private readonly Func<object, object?[], CancellationToken, ValueTask<T>> _invoke;

    public GrainMethod(Type interfaceType, MethodInfo method, GrainTypeInfo grainType, ReturnKind kind)
        : base(interfaceType, method, grainType)
    {
        _kind = kind;
        var index = CancellationTokenIndex;
        switch (kind)
        {
            case ReturnKind.TaskOfT:
                var task = Compile<Task<T>>(interfaceType, method, index);
                _invoke = (g, a, t) => new ValueTask<T>(task(g, a, t));
                break;
            case ReturnKind.ValueTaskOfT:
                _invoke = Compile<ValueTask<T>>(interfaceType, method, index);
                break;
            case ReturnKind.Task:
                var plain = Compile<Task>(interfaceType, method, index);
                _invoke = (g, a, t) => FromTask(plain(g, a, t));
                break;
            default:
                var value = Compile<ValueTask>(interfaceType, method, index);
                _invoke = (g, a, t) =>
                {
                    var result = value(g, a, t);
                    return result.IsCompletedSuccessfully ? default : FromTask(result.AsTask());
                };
                break;
        }
    }

    public ValueTask<T> Invoke(Grain grain, object?[] args, CancellationToken cancellationToken) => _invoke(grain, args, cancellationToken);

    public override object Dispatch(SiloRuntime runtime, GrainId target, object?[] args)
    {
        var call = new GrainCall<T>(runtime, this, target, args);
        runtime.Dispatch(call);
        var task = call.Task;
        return _kind switch
        {
            ReturnKind.TaskOfT or ReturnKind.Task => task,
            ReturnKind.ValueTaskOfT => new ValueTask<T>(task),
            _ => new ValueTask(task),
        };
    }

    private static ValueTask<T> FromTask(Task task)
    {
        return task.IsCompletedSuccessfully ? default : new ValueTask<T>(Await(task));

        static async Task<T> Await(Task task)
        {
            await task.ConfigureAwait(false);
            return default!;
        }
    }
}
