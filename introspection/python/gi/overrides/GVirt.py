# SPDX-License-Identifier: LGPL-2.1-or-later
# PyGObject override for GVirt: every `*_async` method called without a
# callback returns an awaitable (an asyncio.Future of the running loop),
# resolved by its `*_finish` method.
#
#     async def main():
#         conn = await GVirt.Connection.open_async("test:///default", 0)
#         dom = conn.find_domain_by_name("test")
#         await dom.destroy_async()
#         await dom.start_async()
#     asyncio.run(main())
#
# PyGObject 3.42 (Debian 12) has no awaitable form of GIO's async pattern
# and no GLib event loop policy for asyncio (both came in 3.50). The async
# pairs are found at import time from the typelib, by the rule
# g-ir-scanner 1.80 uses for `(finish-func)`: a method whose name ends in
# `_async`, takes a Gio.AsyncReadyCallback and has a `NAME_finish` sibling.
#
# How the callback reaches asyncio: GVirt completes a call on the
# thread-default GLib.MainContext of the thread that made it. While at least
# one awaitable is pending, a pump scheduled on the asyncio loop dispatches
# that context's ready sources without blocking (every 0.5 ms, backing off to
# 16 ms while idle); GVirt's signals and `notify::` handlers run then too, in
# the loop's thread. When another thread owns the context (it runs a
# GLib.MainLoop on it), the pump leaves it to that thread, and the result is
# handed to the asyncio loop with call_soon_threadsafe(). Limits: between
# awaits nothing iterates the context (signals wait for the next await, or
# for the application's own GLib loop); latency is at most one pump interval;
# a call needs a running asyncio loop (RuntimeError otherwise: pass a
# callback instead).
#
# Cancellation: cancelling the awaiting task cancels the Gio.Cancellable
# (the one passed in, else one the override creates), and a cancelled
# Gio.Cancellable makes the await raise GLib.Error (Gio.IOErrorEnum.CANCELLED).
# Calls that pass a callback are the plain GI methods, unchanged.
import asyncio
import functools
import threading

from gi._gi import ObjectInfo, Repository

from ..module import get_introspection_module
from ..overrides import override
from gi.repository import GLib, Gio

GVirt = get_introspection_module('GVirt')

__all__ = []

_PUMP_MIN = 0.0005
_PUMP_MAX = 0.016
_PUMP_BATCH = 100


class _Pump:
    """Dispatches one GLib.MainContext from an asyncio loop while calls are pending."""

    def __init__(self, loop, context):
        self.loop = loop
        self.context = context
        self.pending = 0
        self.interval = _PUMP_MIN
        self.handle = None

    def hold(self):
        self.pending += 1
        self.interval = _PUMP_MIN
        if self.handle is None:
            self.handle = self.loop.call_soon(self._run)

    def release(self):
        self.pending -= 1

    def _run(self):
        self.handle = None
        if self.pending <= 0 or self.loop.is_closed():
            _pumps.pop((self.loop, self.context), None)
            return
        dispatched = 0
        # acquire() fails when another thread owns the context: it dispatches.
        if self.context.acquire():
            try:
                while dispatched < _PUMP_BATCH and self.context.pending():
                    self.context.iteration(False)
                    dispatched += 1
            finally:
                self.context.release()
        if dispatched:
            self.interval = _PUMP_MIN
            self.handle = self.loop.call_soon(self._run)
        else:
            self.handle = self.loop.call_later(self.interval, self._run)
            self.interval = min(self.interval * 2, _PUMP_MAX)


# (asyncio loop, GLib.MainContext) -> _Pump; an entry lives while calls are pending.
_pumps = {}


def _pump_for(loop, context):
    pump = _pumps.get((loop, context))
    if pump is None:
        pump = _pumps[(loop, context)] = _Pump(loop, context)
    return pump


class _CallFuture(asyncio.Future):
    """A Future that cancels its Gio.Cancellable at once when it is cancelled."""

    _gvirt_cancellable = None

    def cancel(self, *args, **kwargs):
        cancelled = super().cancel(*args, **kwargs)
        if cancelled and self._gvirt_cancellable is not None:
            self._gvirt_cancellable.cancel()
        return cancelled


def _is_async_ready_callback(arg):
    iface = arg.get_type().get_interface()
    return (iface is not None and iface.get_namespace() == 'Gio'
            and iface.get_name() == 'AsyncReadyCallback')


def _awaitable(cls, name, info, finish_name):
    """Wraps cls.name so that a call without a callback returns a Future."""
    original = getattr(cls, name)
    is_method = info.is_method()
    args = info.get_arguments()
    callback_index = next(i for i, a in enumerate(args) if _is_async_ready_callback(a))
    # The arguments before the callback, the ones an awaitable call takes.
    params = [(a.get_name(), a) for a in args[:callback_index]]
    names = [n for n, _ in params]

    def bind(call_args, kwargs):
        values = list(call_args)
        for pname, arg in params[len(values):]:
            if pname in kwargs:
                values.append(kwargs.pop(pname))
            elif pname == 'io_priority':
                values.append(GLib.PRIORITY_DEFAULT)
            elif arg.may_be_null():
                values.append(None)
            else:
                raise TypeError(f'{cls.__name__}.{name}() missing argument “{pname}”')
        if kwargs:
            raise TypeError(f'{cls.__name__}.{name}() got unexpected argument(s) '
                            + ', '.join(sorted(kwargs)))
        return values

    def start(self, call_args, kwargs):
        if len(call_args) > len(params) or 'callback' in kwargs:
            # The callback form: the GI method itself.
            if is_method:
                return original(self, *call_args, **kwargs)
            return original(*call_args, **kwargs)
        loop = asyncio.get_running_loop()
        values = bind(call_args, dict(kwargs))
        cancellable = None
        if 'cancellable' in names:
            index = names.index('cancellable')
            if values[index] is None:
                values[index] = Gio.Cancellable()
            cancellable = values[index]
        future = _CallFuture(loop=loop)
        future._gvirt_cancellable = cancellable
        context = GLib.MainContext.ref_thread_default()
        pump = _pump_for(loop, context)
        loop_thread = threading.get_ident()

        def settle(outcome, value):
            if future.done():
                return
            if outcome:
                future.set_result(value)
            else:
                future.set_exception(value)

        def done(source, result, *_):
            try:
                if is_method:
                    value = getattr(source, finish_name)(result)
                else:
                    value = getattr(cls, finish_name)(result)
                outcome = (True, value)
            except GLib.Error as e:
                outcome = (False, e)
            if threading.get_ident() == loop_thread:
                pump.release()
                settle(*outcome)
            elif not loop.is_closed():
                loop.call_soon_threadsafe(lambda: (pump.release(), settle(*outcome)))

        pump.hold()
        try:
            if is_method:
                original(self, *values, done)
            else:
                original(*values, done)
        except BaseException:
            pump.release()
            raise
        return future

    if is_method:
        @functools.wraps(original)
        def wrapper(self, *call_args, **kwargs):
            return start(self, call_args, kwargs)
    else:
        @functools.wraps(original)
        def wrapper(*call_args, **kwargs):
            return start(None, call_args, kwargs)
    wrapper.__doc__ = ((getattr(original, '__doc__', None) or '')
                       + f'\n\nWithout a callback, returns an awaitable resolved by {finish_name}().')
    return wrapper if is_method else staticmethod(wrapper)


def _async_pairs(info):
    """Yields (method info, finish name) for each async method of an object info."""
    methods = {m.get_name(): m for m in info.get_methods()}
    for mname, minfo in methods.items():
        if not mname.endswith('_async'):
            continue
        finish = mname[:-len('_async')] + '_finish'
        if finish not in methods:
            continue
        if any(_is_async_ready_callback(a) for a in minfo.get_arguments()):
            yield minfo, finish


def _override_all():
    repository = Repository.get_default()
    for info in repository.get_infos('GVirt'):
        if not isinstance(info, ObjectInfo):
            continue
        pairs = list(_async_pairs(info))
        if not pairs:
            continue
        base = getattr(GVirt, info.get_name())
        namespace = {'__module__': __name__}
        for minfo, finish in pairs:
            namespace[minfo.get_name()] = _awaitable(base, minfo.get_name(), minfo, finish)
        cls = type(info.get_name(), (base,), namespace)
        globals()[info.get_name()] = override(cls)
        __all__.append(info.get_name())


_override_all()
