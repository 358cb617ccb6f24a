/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The domain state and lifecycle-reason enumerations shared by domains, infos and backends. */
#pragma once

#include <glib.h>
#include "libvirt-gobject/gvirt-visibility.h"

G_BEGIN_DECLS

/**
 * GVirtDomainState:
 * @GVIRT_DOMAIN_STATE_NOSTATE: no state
 * @GVIRT_DOMAIN_STATE_RUNNING: running
 * @GVIRT_DOMAIN_STATE_BLOCKED: blocked on a resource
 * @GVIRT_DOMAIN_STATE_PAUSED: paused by the user
 * @GVIRT_DOMAIN_STATE_SHUTDOWN: being shut down
 * @GVIRT_DOMAIN_STATE_SHUTOFF: shut off
 * @GVIRT_DOMAIN_STATE_CRASHED: crashed, kept for inspection
 * @GVIRT_DOMAIN_STATE_PMSUSPENDED: suspended by guest power management
 *
 * The state of a domain.
 */
typedef enum {
  GVIRT_DOMAIN_STATE_NOSTATE,
  GVIRT_DOMAIN_STATE_RUNNING,
  GVIRT_DOMAIN_STATE_BLOCKED,
  GVIRT_DOMAIN_STATE_PAUSED,
  GVIRT_DOMAIN_STATE_SHUTDOWN,
  GVIRT_DOMAIN_STATE_SHUTOFF,
  GVIRT_DOMAIN_STATE_CRASHED,
  GVIRT_DOMAIN_STATE_PMSUSPENDED,
} GVirtDomainState;

GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_state_get_label (GVirtDomainState state);

/**
 * GVirtDomainStartedReason:
 * @GVIRT_DOMAIN_STARTED_BOOTED: booted normally
 * @GVIRT_DOMAIN_STARTED_RESTORED: restored from a saved state file
 * @GVIRT_DOMAIN_STARTED_WAKEUP: woken up from power-management suspend
 *
 * Why a domain started.
 */
typedef enum {
  GVIRT_DOMAIN_STARTED_BOOTED,
  GVIRT_DOMAIN_STARTED_RESTORED,
  GVIRT_DOMAIN_STARTED_WAKEUP,
} GVirtDomainStartedReason;

/**
 * GVirtDomainSuspendedReason:
 * @GVIRT_DOMAIN_SUSPENDED_PAUSED: paused by a client
 * @GVIRT_DOMAIN_SUSPENDED_IOERROR: paused after a disk I/O error
 * @GVIRT_DOMAIN_SUSPENDED_WATCHDOG: paused by the watchdog
 *
 * Why a domain was suspended.
 */
typedef enum {
  GVIRT_DOMAIN_SUSPENDED_PAUSED,
  GVIRT_DOMAIN_SUSPENDED_IOERROR,
  GVIRT_DOMAIN_SUSPENDED_WATCHDOG,
} GVirtDomainSuspendedReason;

/**
 * GVirtDomainResumedReason:
 * @GVIRT_DOMAIN_RESUMED_UNPAUSED: resumed by a client
 *
 * Why a domain resumed.
 */
typedef enum {
  GVIRT_DOMAIN_RESUMED_UNPAUSED,
} GVirtDomainResumedReason;

/**
 * GVirtDomainStoppedReason:
 * @GVIRT_DOMAIN_STOPPED_SHUTDOWN: the guest shut down
 * @GVIRT_DOMAIN_STOPPED_DESTROYED: destroyed by a client
 * @GVIRT_DOMAIN_STOPPED_CRASHED: the guest crashed
 * @GVIRT_DOMAIN_STOPPED_SAVED: its state was saved to a file
 * @GVIRT_DOMAIN_STOPPED_FAILED: the hypervisor failed
 *
 * Why a domain stopped.
 */
typedef enum {
  GVIRT_DOMAIN_STOPPED_SHUTDOWN,
  GVIRT_DOMAIN_STOPPED_DESTROYED,
  GVIRT_DOMAIN_STOPPED_CRASHED,
  GVIRT_DOMAIN_STOPPED_SAVED,
  GVIRT_DOMAIN_STOPPED_FAILED,
} GVirtDomainStoppedReason;

/**
 * GVirtDomainCrashedReason:
 * @GVIRT_DOMAIN_CRASHED_PANICKED: the guest kernel panicked
 *
 * Why a domain entered the crashed state.
 */
typedef enum {
  GVIRT_DOMAIN_CRASHED_PANICKED,
} GVirtDomainCrashedReason;

/**
 * GVirtDomainXmlFlags:
 * @GVIRT_DOMAIN_XML_NONE: the live description
 * @GVIRT_DOMAIN_XML_INACTIVE: the persistent configuration, not the live state
 * @GVIRT_DOMAIN_XML_SECURE: include secrets such as VNC passwords
 *
 * What a domain's XML description includes.
 */
typedef enum /*< flags >*/ {
  GVIRT_DOMAIN_XML_NONE     = 0,
  GVIRT_DOMAIN_XML_INACTIVE = 1 << 0,
  GVIRT_DOMAIN_XML_SECURE   = 1 << 1,
} GVirtDomainXmlFlags;

G_END_DECLS
