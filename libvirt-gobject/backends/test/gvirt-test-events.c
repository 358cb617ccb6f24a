/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The test node's events: queued under the node lock, emitted after it. */
#include "config.h"

#include "gvirt-test-backend-private.h"

typedef struct {
  gboolean network;
  gint     kind;
  gint     reason;
  gpointer record;
} PendingEvent;

void
_gvirt_test_pending_event_free (gpointer data)
{
  PendingEvent *ev = data;

  if (ev->network)
    gvirt_network_record_free (ev->record);
  else
    gvirt_domain_record_free (ev->record);
  g_free (ev);
}

/* ---- Events --------------------------------------------------------------- */

void
_gvirt_test_queue_domain_event (GVirtTestBackend     *self,
                                GVirtDomainEventKind  kind,
                                gint                  reason,
                                const TestDomain     *dom)
{
  PendingEvent *ev = g_new0 (PendingEvent, 1);

  ev->kind = kind;
  ev->reason = reason;
  ev->record = _gvirt_test_domain_record (dom);
  g_queue_push_tail (&self->events, ev);
  self->events_queued++;
}

void
_gvirt_test_queue_network_event (GVirtTestBackend      *self,
                                 GVirtNetworkEventKind  kind,
                                 const TestNetwork     *net)
{
  PendingEvent *ev = g_new0 (PendingEvent, 1);

  ev->network = TRUE;
  ev->kind = kind;
  ev->record = _gvirt_test_network_record (net);
  g_queue_push_tail (&self->events, ev);
  self->events_queued++;
}

/*
 * Unlocks the node and emits the queued events, in the order they were
 * queued, with no lock held. One thread at a time emits; a thread whose
 * events another thread is emitting waits until they are out, so every
 * call returns after its own events were delivered, except when it was
 * made from an event handler, whose events follow once it returns.
 */
void
_gvirt_test_unlock_and_emit (GVirtTestBackend *self)
{
  guint64 target = self->events_queued;
  GThread *me = g_thread_self ();
  PendingEvent *ev;

  if (self->events_emitted >= target || self->emitter == me)
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  if (self->emitter != NULL)
    {
      self->emit_waiters++;
      while (self->events_emitted < target)
        g_cond_wait (&self->emitted_cond, &self->lock);
      self->emit_waiters--;
      g_mutex_unlock (&self->lock);
      return;
    }

  self->emitter = me;
  while ((ev = g_queue_pop_head (&self->events)) != NULL)
    {
      g_mutex_unlock (&self->lock);
      if (ev->network)
        gvirt_backend_emit_network_event (GVIRT_BACKEND (self), ev->kind, ev->record);
      else
        gvirt_backend_emit_domain_event (GVIRT_BACKEND (self), ev->kind, ev->reason, ev->record);
      _gvirt_test_pending_event_free (ev);
      g_mutex_lock (&self->lock);
      self->events_emitted++;
      /* GLib's g_cond_broadcast() is a futex syscall even with no waiter. */
      if (self->emit_waiters > 0)
        g_cond_broadcast (&self->emitted_cond);
    }
  self->emitter = NULL;
  g_mutex_unlock (&self->lock);
}

/* Drops the queued events (on close: no event follows). Called locked. */
void
_gvirt_test_drop_events (GVirtTestBackend *self)
{
  guint n = g_queue_get_length (&self->events);

  g_queue_clear_full (&self->events, _gvirt_test_pending_event_free);
  self->events_emitted += n;
  if (self->emit_waiters > 0)
    g_cond_broadcast (&self->emitted_cond);
}
