# SPDX-License-Identifier: LGPL-2.1-or-later
# GCancellable in the QEMU backend's lifecycle calls, against real QEMU: a
# start cancelled while QEMU is being launched leaves no VM behind, and a
# call that completed despite a late cancel reports success, never a
# CANCELLED for a VM that runs (or stopped).
from conftest import GLib, GVirt, Gio, Recorder, spin_until
import pytest

STATE = GVirt.DomainState
# Cancel this many ms after the call went out: from "before the backend
# runs" to "after QEMU answered".
DELAYS_MS = [0, 5, 20, 50, 100, 200, 400, 800]


def call_and_cancel(method, delay_ms):
    """Runs method(cancellable, callback) and cancels after @delay_ms;
    returns None on success or the GLib.Error."""
    cancellable = Gio.Cancellable()
    done = []

    def finished(source, result):
        try:
            getattr(source, method + '_finish')(result)
            done.append(None)
        except GLib.Error as e:
            done.append(e)

    getattr(cancellable_target[0], method + '_async')(cancellable, finished)
    GLib.timeout_add(delay_ms, lambda: cancellable.cancel() or False)
    spin_until(lambda: done, timeout=60)
    return done[0]


cancellable_target = [None]


def is_cancelled(error):
    return error.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED)


def test_start_cancelled_leaves_nothing(node):
    conn = node.connect()
    dom = conn.define_domain_sync(node.config(name='c'), None)
    cancellable_target[0] = dom
    rec = Recorder(dom)
    outcomes = []
    for delay in DELAYS_MS:
        before = list(rec.events)
        error = call_and_cancel('start', delay)
        if error is None:
            outcomes.append('started')
            assert dom.props.state == STATE.RUNNING and dom.props.id > 0
            dom.destroy_sync(None)
        else:
            assert is_cancelled(error), error.message
            outcomes.append('cancelled')
            # No VM, no runtime file, no signal: nobody saw it run.
            assert dom.props.state == STATE.SHUTOFF and dom.props.id == -1
            procs, files = node.leftovers()
            assert not procs and not files, (delay, procs, files)
            assert rec.events == before, (delay, rec.events[len(before):])
        # Either way the domain works afterwards.
        assert dom.get_info_sync(None).state == STATE.SHUTOFF
    # The early cancels must have been honoured (the later ones may come
    # after the start completed).
    print('outcomes', outcomes)
    assert 'cancelled' in outcomes[:4], outcomes
    dom.start_sync(None)
    assert dom.props.state == STATE.RUNNING


def test_late_cancel_reports_the_truth(node):
    conn = node.connect()
    dom = conn.define_domain_sync(node.config(name='d'), None)
    cancellable_target[0] = dom
    dom.start_sync(None)
    node.wait_ready('d')
    for delay in (0, 20, 200):
        error = call_and_cancel('suspend', delay)
        assert error is None or is_cancelled(error), error.message
        # Whatever happened, the object says what the backend says.
        spin_until(lambda: dom.props.state == dom.get_info_sync(None).state, timeout=10)
        if dom.props.state == STATE.PAUSED:
            dom.resume_sync(None)
    error = call_and_cancel('destroy', 0)
    assert error is None or is_cancelled(error), error.message
    # A destroy that went out finishes even when its caller stopped waiting.
    if error is None:
        assert dom.props.state == STATE.SHUTOFF
    else:
        spin_until(lambda: dom.props.state in (STATE.SHUTOFF, STATE.RUNNING), timeout=10)
        if dom.props.state == STATE.RUNNING:
            dom.destroy_sync(None)
    spin_until(lambda: dom.props.state == STATE.SHUTOFF, timeout=10)
