/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtEventQueue: events a backend collects under its lock and emits, in order, after it. */
#pragma once

#include <libvirt-gobject/gvirt-backend.h>

G_BEGIN_DECLS

/*
 * One queue per backend instance, guarded by the backend's own lock (the
 * GMutex given to _gvirt_event_queue_new()). An entry point takes the lock,
 * changes its state, adds the events the change caused, and ends with
 * _gvirt_event_queue_unlock_and_emit(), which releases the lock and emits
 * the events through gvirt_backend_emit_domain_event() and
 * gvirt_backend_emit_network_event() with no lock held.
 *
 * Order: events go out in the order they were added, across all threads,
 * because one queue serves the whole backend and one thread at a time
 * emits. A thread that finds another thread emitting leaves its events to
 * that thread and waits until they are out (so an operation returns after
 * its own events were reported, as the interface requires), except:
 *   - from an event handler (the emitting thread itself): it returns at
 *     once, and its events follow once the handler returns;
 *   - with _gvirt_event_queue_unlock_and_emit_nowait(), for threads that
 *     must never block on a handler (a backend's private event thread,
 *     which a handler's call may be waiting for).
 */
typedef struct _GVirtEventQueue GVirtEventQueue;

/* @backend and @lock are not referenced: the queue belongs to @backend. */
GVirtEventQueue *_gvirt_event_queue_new    (GVirtBackend    *backend,
                                            GMutex          *lock);
/* No thread may be emitting (call it from dispose/finalize). */
void             _gvirt_event_queue_free   (GVirtEventQueue *queue);

/* Lock held. The queue takes @record. */
void             _gvirt_event_queue_add_domain  (GVirtEventQueue      *queue,
                                                 GVirtDomainEventKind  kind,
                                                 gint                  reason,
                                                 GVirtDomainRecord    *record);
void             _gvirt_event_queue_add_network (GVirtEventQueue       *queue,
                                                 GVirtNetworkEventKind  kind,
                                                 GVirtNetworkRecord    *record);

/* Lock held: how many events wait to be emitted. */
guint            _gvirt_event_queue_get_length (GVirtEventQueue *queue);

/* Lock held: forgets the events not yet emitted (on close: no event
 * follows) and wakes the threads waiting for them. */
void             _gvirt_event_queue_drop       (GVirtEventQueue *queue);

/* Called with the lock held; returns with it released. */
void             _gvirt_event_queue_unlock_and_emit        (GVirtEventQueue *queue);
void             _gvirt_event_queue_unlock_and_emit_nowait (GVirtEventQueue *queue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirtEventQueue, _gvirt_event_queue_free)

G_END_DECLS
