/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The state reason a backend's lifecycle event leaves a domain in, and the reasons' words. */
#include "config.h"

#include "gvirt-state-reason-private.h"
#include "libvirt-gobject/gvirt-enum-types.h"

GVirtDomainStateReason
_gvirt_state_reason_for_event (GVirtDomainEventKind   kind,
                               gint                   reason,
                               GVirtDomainStateReason current)
{
  switch (kind)
    {
    case GVIRT_DOMAIN_EVENT_STARTED:
      return reason == GVIRT_DOMAIN_STARTED_RESTORED ? GVIRT_DOMAIN_STATE_REASON_RESTORED
           : reason == GVIRT_DOMAIN_STARTED_WAKEUP ? GVIRT_DOMAIN_STATE_REASON_WAKEUP
           : GVIRT_DOMAIN_STATE_REASON_BOOTED;
    case GVIRT_DOMAIN_EVENT_SUSPENDED:
      return reason == GVIRT_DOMAIN_SUSPENDED_IOERROR ? GVIRT_DOMAIN_STATE_REASON_IOERROR
           : reason == GVIRT_DOMAIN_SUSPENDED_WATCHDOG ? GVIRT_DOMAIN_STATE_REASON_WATCHDOG
           : GVIRT_DOMAIN_STATE_REASON_USER;
    case GVIRT_DOMAIN_EVENT_RESUMED:
      return GVIRT_DOMAIN_STATE_REASON_UNPAUSED;
    case GVIRT_DOMAIN_EVENT_STOPPED:
      switch (reason)
        {
        case GVIRT_DOMAIN_STOPPED_SHUTDOWN:  return GVIRT_DOMAIN_STATE_REASON_SHUTDOWN;
        case GVIRT_DOMAIN_STOPPED_DESTROYED: return GVIRT_DOMAIN_STATE_REASON_DESTROYED;
        case GVIRT_DOMAIN_STOPPED_SAVED:     return GVIRT_DOMAIN_STATE_REASON_SAVED;
        case GVIRT_DOMAIN_STOPPED_FAILED:    return GVIRT_DOMAIN_STATE_REASON_FAILED;
        case GVIRT_DOMAIN_STOPPED_CRASHED:
        default:                             return GVIRT_DOMAIN_STATE_REASON_CRASHED;
        }
    case GVIRT_DOMAIN_EVENT_CRASHED:
      return GVIRT_DOMAIN_STATE_REASON_PANICKED;
    case GVIRT_DOMAIN_EVENT_DEFINED:
    case GVIRT_DOMAIN_EVENT_UNDEFINED:
    case GVIRT_DOMAIN_EVENT_UPDATED:
    default:
      return current;
    }
}

const char *
_gvirt_state_reason_to_nick (GVirtDomainStateReason reason)
{
  GEnumClass *klass = g_type_class_ref (GVIRT_TYPE_DOMAIN_STATE_REASON);
  GEnumValue *v = g_enum_get_value (klass, reason);

  g_type_class_unref (klass);   /* enum classes stay alive once made */
  return v != NULL ? v->value_nick : "unknown";
}

GVirtDomainStateReason
_gvirt_state_reason_from_nick (const char *nick)
{
  GEnumClass *klass = g_type_class_ref (GVIRT_TYPE_DOMAIN_STATE_REASON);
  GEnumValue *v = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  g_type_class_unref (klass);
  return v != NULL ? v->value : GVIRT_DOMAIN_STATE_REASON_UNKNOWN;
}
