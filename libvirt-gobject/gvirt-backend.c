/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtBackend: the driver interface each hypervisor backend module implements. */
#include "config.h"

#include "gvirt-marshal.h"

#include "gvirt-backend-private.h"
#include "gvirt-backend-enum-types.h"

/**
 * GVirtBackend:
 *
 * The interface a hypervisor driver implements. Backends live in GIO
 * modules that implement the %GVIRT_BACKEND_EXTENSION_POINT_NAME extension
 * point, named after the URI scheme they serve. Applications never see a
 * backend: #GVirtConnection wraps it and turns its events into #GVirtDomain
 * and #GVirtNetwork properties and signals.
 */

enum {
  DOMAIN_EVENT,
  NETWORK_EVENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One per backend instance, made with it: see gvirt-backend-private.h. */
typedef struct {
  GRecMutex                   lock;   /* recursive: a listener may emit */
  const GVirtBackendListener *listener;
  gpointer                    data;
} ListenerSlot;

static GQuark listener_quark;

static void
listener_slot_free (gpointer data)
{
  ListenerSlot *slot = data;

  g_rec_mutex_clear (&slot->lock);
  g_free (slot);
}

void
_gvirt_backend_set_listener (GVirtBackend               *backend,
                             const GVirtBackendListener *listener,
                             gpointer                    data)
{
  ListenerSlot *slot;

  g_return_if_fail (GVIRT_IS_BACKEND (backend));

  slot = g_object_get_qdata (G_OBJECT (backend), listener_quark);
  if (slot == NULL)
    {
      if (listener == NULL)
        return;
      slot = g_new0 (ListenerSlot, 1);
      g_rec_mutex_init (&slot->lock);
      g_object_set_qdata_full (G_OBJECT (backend), listener_quark, slot, listener_slot_free);
    }
  g_rec_mutex_lock (&slot->lock);
  slot->listener = listener;
  slot->data = data;
  g_rec_mutex_unlock (&slot->lock);
}

/* Locked: the listener in use, or NULL (unlocked, nothing to call). */
static ListenerSlot *
lock_listener (GVirtBackend *self)
{
  ListenerSlot *slot = g_object_get_qdata (G_OBJECT (self), listener_quark);

  if (slot == NULL)
    return NULL;
  g_rec_mutex_lock (&slot->lock);
  if (slot->listener != NULL)
    return slot;
  g_rec_mutex_unlock (&slot->lock);
  return NULL;
}

G_DEFINE_INTERFACE (GVirtBackend, gvirt_backend, G_TYPE_OBJECT)

static void
gvirt_backend_default_init (GVirtBackendInterface *iface)
{
  listener_quark = g_quark_from_static_string ("gvirt-backend-listener");

  /**
   * GVirtBackend::domain-event:
   * @backend: the backend
   * @kind: a #GVirtDomainEventKind
   * @reason: the reason enum matching @kind, or 0
   * @record: the domain's record after the change
   *
   * Emitted, in any thread, when a domain changes.
   */
  signals[DOMAIN_EVENT] =
    g_signal_new ("domain-event", G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, _gvirt_marshal_VOID__ENUM_INT_BOXED,
                  G_TYPE_NONE, 3,
                  GVIRT_TYPE_DOMAIN_EVENT_KIND, G_TYPE_INT,
                  GVIRT_TYPE_DOMAIN_RECORD | G_SIGNAL_TYPE_STATIC_SCOPE);
  g_signal_set_va_marshaller (signals[DOMAIN_EVENT], G_TYPE_FROM_INTERFACE (iface),
                              _gvirt_marshal_VOID__ENUM_INT_BOXEDv);

  /**
   * GVirtBackend::network-event:
   * @backend: the backend
   * @kind: a #GVirtNetworkEventKind
   * @record: the network's record after the change
   *
   * Emitted, in any thread, when a network changes.
   */
  signals[NETWORK_EVENT] =
    g_signal_new ("network-event", G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, _gvirt_marshal_VOID__ENUM_BOXED,
                  G_TYPE_NONE, 2,
                  GVIRT_TYPE_NETWORK_EVENT_KIND,
                  GVIRT_TYPE_NETWORK_RECORD | G_SIGNAL_TYPE_STATIC_SCOPE);
  g_signal_set_va_marshaller (signals[NETWORK_EVENT], G_TYPE_FROM_INTERFACE (iface),
                              _gvirt_marshal_VOID__ENUM_BOXEDv);
}

/**
 * gvirt_backend_emit_domain_event:
 * @self: a #GVirtBackend
 * @kind: what happened
 * @reason: the reason enum matching @kind, or 0
 * @record: the domain's record after the change
 *
 * Reports a change of a domain, whoever caused it. Call it from any
 * thread, with no lock of the backend held: the handlers may call back in.
 */
void
gvirt_backend_emit_domain_event (GVirtBackend            *self,
                                 GVirtDomainEventKind     kind,
                                 gint                     reason,
                                 const GVirtDomainRecord *record)
{
  g_return_if_fail (GVIRT_IS_BACKEND (self));
  g_return_if_fail (record != NULL && record->uuid != NULL);

  ListenerSlot *slot = lock_listener (self);

  if (slot != NULL)
    {
      slot->listener->domain_event (slot->data, kind, reason, record);
      g_rec_mutex_unlock (&slot->lock);
    }
  if (g_signal_has_handler_pending (self, signals[DOMAIN_EVENT], 0, TRUE))
    g_signal_emit (self, signals[DOMAIN_EVENT], 0, kind, reason, record);
}

/**
 * gvirt_backend_emit_network_event:
 * @self: a #GVirtBackend
 * @kind: what happened
 * @record: the network's record after the change
 *
 * Reports a change of a network; the same rules as
 * gvirt_backend_emit_domain_event() apply.
 */
void
gvirt_backend_emit_network_event (GVirtBackend             *self,
                                  GVirtNetworkEventKind     kind,
                                  const GVirtNetworkRecord *record)
{
  g_return_if_fail (GVIRT_IS_BACKEND (self));
  g_return_if_fail (record != NULL && record->uuid != NULL);

  ListenerSlot *slot = lock_listener (self);

  if (slot != NULL)
    {
      slot->listener->network_event (slot->data, kind, record);
      g_rec_mutex_unlock (&slot->lock);
    }
  if (g_signal_has_handler_pending (self, signals[NETWORK_EVENT], 0, TRUE))
    g_signal_emit (self, signals[NETWORK_EVENT], 0, kind, record);
}
