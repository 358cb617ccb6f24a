/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtEventQueue: a backend's events, collected under its lock and emitted in order after it. */
#include "config.h"

#include "gvirt-event-queue-private.h"

typedef struct {
  GList    link;     /* in GVirtEventQueue.events: no allocation of its own */
  gboolean network;
  gint     kind;
  gint     reason;
  gpointer record;   /* GVirtDomainRecord or GVirtNetworkRecord */
} PendingEvent;

struct _GVirtEventQueue
{
  GVirtBackend *backend;
  GMutex       *lock;
  GCond         emitted_cond;
  GQueue        events;      /* PendingEvent, oldest first */
  guint64       queued;      /* events ever added */
  guint64       emitted;     /* events ever emitted or dropped */
  GThread      *emitter;     /* the thread emitting, or NULL */
  guint         waiters;     /* threads in g_cond_wait (emitted_cond) */
};

static void
pending_event_free (gpointer data)
{
  PendingEvent *ev = data;

  if (ev->network)
    gvirt_network_record_free (ev->record);
  else
    gvirt_domain_record_free (ev->record);
  g_free (ev);
}

static PendingEvent *
pop_event (GVirtEventQueue *queue)
{
  GList *link = g_queue_pop_head_link (&queue->events);

  return link != NULL ? link->data : NULL;
}

/* Not g_queue_clear_full (): the links live inside the events. */
static void
free_events (GVirtEventQueue *queue)
{
  PendingEvent *ev;

  while ((ev = pop_event (queue)) != NULL)
    pending_event_free (ev);
}

GVirtEventQueue *
_gvirt_event_queue_new (GVirtBackend *backend,
                        GMutex       *lock)
{
  GVirtEventQueue *queue;

  g_return_val_if_fail (GVIRT_IS_BACKEND (backend), NULL);
  g_return_val_if_fail (lock != NULL, NULL);

  queue = g_new0 (GVirtEventQueue, 1);
  queue->backend = backend;
  queue->lock = lock;
  g_cond_init (&queue->emitted_cond);
  g_queue_init (&queue->events);
  return queue;
}

void
_gvirt_event_queue_free (GVirtEventQueue *queue)
{
  if (queue == NULL)
    return;
  g_warn_if_fail (queue->emitter == NULL && queue->waiters == 0);
  free_events (queue);
  g_cond_clear (&queue->emitted_cond);
  g_free (queue);
}

static void
push (GVirtEventQueue *queue,
      gboolean         network,
      gint             kind,
      gint             reason,
      gpointer         record)
{
  PendingEvent *ev = g_new0 (PendingEvent, 1);

  ev->link.data = ev;
  ev->network = network;
  ev->kind = kind;
  ev->reason = reason;
  ev->record = record;
  g_queue_push_tail_link (&queue->events, &ev->link);
  queue->queued++;
}

void
_gvirt_event_queue_add_domain (GVirtEventQueue      *queue,
                               GVirtDomainEventKind  kind,
                               gint                  reason,
                               GVirtDomainRecord    *record)
{
  g_return_if_fail (queue != NULL);
  g_return_if_fail (record != NULL && record->uuid != NULL);

  push (queue, FALSE, kind, reason, record);
}

void
_gvirt_event_queue_add_network (GVirtEventQueue       *queue,
                                GVirtNetworkEventKind  kind,
                                GVirtNetworkRecord    *record)
{
  g_return_if_fail (queue != NULL);
  g_return_if_fail (record != NULL && record->uuid != NULL);

  push (queue, TRUE, kind, 0, record);
}

guint
_gvirt_event_queue_get_length (GVirtEventQueue *queue)
{
  g_return_val_if_fail (queue != NULL, 0);

  return g_queue_get_length (&queue->events);
}

void
_gvirt_event_queue_drop (GVirtEventQueue *queue)
{
  g_return_if_fail (queue != NULL);

  queue->emitted += g_queue_get_length (&queue->events);
  free_events (queue);
  if (queue->waiters > 0)
    g_cond_broadcast (&queue->emitted_cond);
}

static void
unlock_and_emit (GVirtEventQueue *queue,
                 gboolean         wait)
{
  guint64 target = queue->queued;
  GThread *me;
  PendingEvent *ev;

  /* most calls (every query) queued nothing: skip g_thread_self () */
  if (queue->emitted >= target)
    {
      g_mutex_unlock (queue->lock);
      return;
    }
  me = g_thread_self ();
  if (queue->emitter == me)
    {
      /* called from a handler: the loop below, further up this thread's
       * stack, emits these after the handler returns */
      g_mutex_unlock (queue->lock);
      return;
    }
  if (queue->emitter != NULL)
    {
      /* the emitting thread takes these too: it runs until the queue is empty */
      if (wait)
        {
          queue->waiters++;
          while (queue->emitted < target)
            g_cond_wait (&queue->emitted_cond, queue->lock);
          queue->waiters--;
        }
      g_mutex_unlock (queue->lock);
      return;
    }

  queue->emitter = me;
  while ((ev = pop_event (queue)) != NULL)
    {
      g_mutex_unlock (queue->lock);
      if (ev->network)
        gvirt_backend_emit_network_event (queue->backend, ev->kind, ev->record);
      else
        gvirt_backend_emit_domain_event (queue->backend, ev->kind, ev->reason, ev->record);
      pending_event_free (ev);
      g_mutex_lock (queue->lock);
      queue->emitted++;
      /* g_cond_broadcast() is a futex syscall even with no waiter */
      if (queue->waiters > 0)
        g_cond_broadcast (&queue->emitted_cond);
    }
  queue->emitter = NULL;
  g_mutex_unlock (queue->lock);
}

void
_gvirt_event_queue_unlock_and_emit (GVirtEventQueue *queue)
{
  g_return_if_fail (queue != NULL);

  unlock_and_emit (queue, TRUE);
}

void
_gvirt_event_queue_unlock_and_emit_nowait (GVirtEventQueue *queue)
{
  g_return_if_fail (queue != NULL);

  unlock_and_emit (queue, FALSE);
}
