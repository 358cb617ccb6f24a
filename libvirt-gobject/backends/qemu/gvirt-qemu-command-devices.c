/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The QEMU argv of a domain's interfaces, graphics, video, character and input devices. */
#include "config.h"

#include <string.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "gvirt-qemu-builder-private.h"

static void need_virtio_serial (GVirtQemuBuilder *b);

/* ---- interfaces ---- */

static gboolean
valid_mac (const char *mac)
{
  guint8 bytes[6];

  if (strlen (mac) != 17)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    {
      int hi = g_ascii_xdigit_value (mac[i * 3]);
      int lo = g_ascii_xdigit_value (mac[i * 3 + 1]);

      if (hi < 0 || lo < 0 || (i < 5 && mac[i * 3 + 2] != ':'))
        return FALSE;
      bytes[i] = hi * 16 + lo;
    }
  return (bytes[0] & 1) == 0;   /* unicast */
}

static const char *
nic_model (GVirtQemuBuilder *b, const char *model)
{
  if (model == NULL)
    {
      if (b->x86)
        return "rtl8139";
      if (b->s390)
        return "virtio-net-ccw";
      if (b->pseries)
        return "spapr-vlan";
      return "virtio-net-pci";
    }
  if (g_str_equal (model, "virtio"))
    return b->s390 ? "virtio-net-ccw" : "virtio-net-pci";
  if (g_str_equal (model, "ne2k_isa"))
    return "ne2k_isa";
  if (g_str_equal (model, "pcnet"))
    return "pcnet";
  return model;
}

static gboolean
socket_endpoint (GVirtQemuBuilder *b, GVirtDomainInterface *iface, guint n, gboolean need_address,
                 char **out, GError **error)
{
  const char *address = gvirt_domain_interface_get_source_address (iface);
  guint port = gvirt_domain_interface_get_source_port (iface);

  if (port == 0 || port > 65535 || (need_address && address == NULL))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   need_address ? _("Domain “%s”: interface %u needs <source address=… port=…>.")
                                : _("Domain “%s”: interface %u needs <source port=…>."),
                   b->name, n);
      return FALSE;
    }
  if (address != NULL && strchr (address, ',') != NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: interface %u has an invalid source address “%s”."), b->name, n, address);
      return FALSE;
    }
  *out = g_strdup_printf ("%s:%u", address != NULL ? address : "", port);
  return TRUE;
}

static gboolean
build_interface (GVirtQemuBuilder *b, GVirtDomainInterface *iface, guint n, GError **error)
{
  GVirtDomainInterfaceType type = gvirt_domain_interface_get_interface_type (iface);
  const char *mac = gvirt_domain_interface_get_mac (iface);
  const char *model = gvirt_domain_interface_get_model (iface);
  g_autoptr(GString) netdev = g_string_new (NULL);
  g_autofree char *generated_mac = NULL;
  g_autofree char *endpoint = NULL;

  if (type != GVIRT_DOMAIN_INTERFACE_TYPE_MCAST && type != GVIRT_DOMAIN_INTERFACE_TYPE_SERVER &&
      type != GVIRT_DOMAIN_INTERFACE_TYPE_CLIENT && type != GVIRT_DOMAIN_INTERFACE_TYPE_USER &&
      !_gvirt_qemu_builder_need_pci (b, "network interface", error))
    return FALSE;

  switch (type)
    {
    case GVIRT_DOMAIN_INTERFACE_TYPE_USER:
      g_string_append (netdev, "user");
      break;
    case GVIRT_DOMAIN_INTERFACE_TYPE_NETWORK:
    case GVIRT_DOMAIN_INTERFACE_TYPE_BRIDGE:
      {
        const char *bridge;

        if (type == GVIRT_DOMAIN_INTERFACE_TYPE_BRIDGE)
          bridge = gvirt_domain_interface_get_source_bridge (iface);
        else
          {
            const char *network = gvirt_domain_interface_get_source_network (iface);

            if (network == NULL)
              {
                g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                             _("Domain “%s”: interface %u has no <source network=…>."), b->name, n);
                return FALSE;
              }
            if (b->ctx->network_bridges == NULL && !b->ctx->skip_file_checks)
              {
                /* the backend runs no virtual networks (yet): say so */
                g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                             _("Domain “%s”: interface %u uses the virtual network “%s”, but the QEMU backend "
                               "does not run virtual networks yet; use <interface type='bridge'> with an "
                               "existing bridge, or type='user'."),
                             b->name, n, network);
                return FALSE;
              }
            bridge = b->ctx->network_bridges != NULL ? g_hash_table_lookup (b->ctx->network_bridges, network) : NULL;
            if (bridge == NULL && b->ctx->skip_file_checks)
              bridge = network;
            if (bridge == NULL)
              {
                g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                             _("Domain “%s”: interface %u uses network “%s”, which is not active or has no bridge."),
                             b->name, n, network);
                return FALSE;
              }
          }
        if (bridge == NULL || !_gvirt_qemu_is_identifier (bridge))
          {
            g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                         _("Domain “%s”: interface %u has no valid <source bridge=…>."), b->name, n);
            return FALSE;
          }
        g_string_append_printf (netdev, "bridge,br=%s", bridge);
      }
      break;
    case GVIRT_DOMAIN_INTERFACE_TYPE_ETHERNET:
      {
        const char *script = gvirt_domain_interface_get_script (iface);
        const char *dev = gvirt_domain_interface_get_target_dev (iface);

        g_string_append (netdev, "tap");
        if (dev != NULL)
          {
            if (!_gvirt_qemu_is_identifier (dev) || strlen (dev) >= 16)
              {
                g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                             _("Domain “%s”: interface %u has an invalid target device “%s”."), b->name, n, dev);
                return FALSE;
              }
            g_string_append_printf (netdev, ",ifname=%s", dev);
          }
        if (script != NULL)
          {
            g_autofree char *esc = _gvirt_qemu_escape_commas (script);

            if (!_gvirt_qemu_builder_check_file (b, script, TRUE, "interface script", error))
              return FALSE;
            g_string_append_printf (netdev, ",script=%s,downscript=no", esc);
          }
        else
          g_string_append (netdev, ",script=no,downscript=no");
      }
      break;
    case GVIRT_DOMAIN_INTERFACE_TYPE_MCAST:
      if (!socket_endpoint (b, iface, n, TRUE, &endpoint, error))
        return FALSE;
      g_string_append_printf (netdev, "socket,mcast=%s", endpoint);
      break;
    case GVIRT_DOMAIN_INTERFACE_TYPE_SERVER:
      if (!socket_endpoint (b, iface, n, FALSE, &endpoint, error))
        return FALSE;
      g_string_append_printf (netdev, "socket,listen=%s", endpoint);
      break;
    case GVIRT_DOMAIN_INTERFACE_TYPE_CLIENT:
      if (!socket_endpoint (b, iface, n, TRUE, &endpoint, error))
        return FALSE;
      g_string_append_printf (netdev, "socket,connect=%s", endpoint);
      break;
    default:
      {
        g_autofree char *xml = gvirt_domain_device_to_xml (GVIRT_DOMAIN_DEVICE (iface));
        g_autofree char *kind = NULL;
        g_autoptr(GRegex) re = g_regex_new ("type=['\"]([^'\"]*)", 0, 0, NULL);
        g_autoptr(GMatchInfo) mi = NULL;

        if (g_regex_match (re, xml, 0, &mi))
          kind = g_match_info_fetch (mi, 1);
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                     _("Domain “%s”: interface %u has type “%s”; the QEMU driver supports user, network, "
                       "bridge, ethernet, mcast, server and client."), b->name, n, kind ? kind : "?");
        return FALSE;
      }
    }
  g_string_append_printf (netdev, ",id=hostnet%u", n);

  if (mac == NULL)
    {
      g_autofree char *seed = g_strdup_printf ("%s/%u", gvirt_domain_config_get_uuid (b->config) ?: b->name, n);
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);

      generated_mac = g_strdup_printf ("52:54:00:%.2s:%.2s:%.2s", sum, sum + 2, sum + 4);
      mac = generated_mac;
    }
  if (!valid_mac (mac))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: interface %u has an invalid or multicast MAC address “%s”."), b->name, n, mac);
      return FALSE;
    }
  if (model != NULL && !_gvirt_qemu_is_identifier (model))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: interface %u has an invalid model “%s”."), b->name, n, model);
      return FALSE;
    }

  _gvirt_qemu_builder_add (b, "-netdev");
  _gvirt_qemu_builder_add (b, netdev->str);
  _gvirt_qemu_builder_add (b, "-device");
  _gvirt_qemu_builder_addf (b, "%s,netdev=hostnet%u,id=net%u,mac=%s", nic_model (b, model), n, n, mac);
  return TRUE;
}

/* ---- graphics and video ---- */

static gboolean
build_graphics (GVirtQemuBuilder *b, GVirtDomainGraphics *g, gboolean *have_graphics, GError **error)
{
  GVirtDomainGraphicsType type = gvirt_domain_graphics_get_graphics_type (g);

  if (*have_graphics)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s” has more than one <graphics>; QEMU shows one display."), b->name);
      return FALSE;
    }
  *have_graphics = TRUE;

  if (type == GVIRT_DOMAIN_GRAPHICS_TYPE_VNC)
    {
      const char *listen = gvirt_domain_graphics_get_listen (g);
      const char *keymap = gvirt_domain_graphics_get_keymap (g);
      gint port = gvirt_domain_graphics_get_port (g);
      g_autoptr(GString) vnc = g_string_new (NULL);

      if (gvirt_domain_graphics_get_autoport (g) || port <= 0)
        {
          if (b->ctx->vnc_port == 0 && b->ctx->skip_file_checks)
            port = 5900;
          else
            port = b->ctx->vnc_port;
        }
      if (port < 5900 || port > 65535)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       port == 0 ? _("Domain “%s”: no port was allocated for its VNC display (%d).")
                                 : _("Domain “%s”: VNC port %d is not between 5900 and 65535."),
                       b->name, port);
          return FALSE;
        }
      if (listen == NULL)
        listen = "127.0.0.1";
      if (strchr (listen, ',') != NULL)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s”: invalid VNC listen address “%s”."), b->name, listen);
          return FALSE;
        }
      if (strchr (listen, ':') != NULL && listen[0] != '[')
        g_string_append_printf (vnc, "[%s]:%d", listen, port - 5900);
      else
        g_string_append_printf (vnc, "%s:%d", listen, port - 5900);
      if (gvirt_domain_graphics_get_passwd (g) != NULL)
        g_string_append (vnc, ",password=on");
      _gvirt_qemu_builder_add (b, "-vnc");
      _gvirt_qemu_builder_add (b, vnc->str);
      if (keymap != NULL)
        {
          if (!_gvirt_qemu_is_identifier (keymap))
            {
              g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("Domain “%s”: invalid VNC keymap “%s”."), b->name, keymap);
              return FALSE;
            }
          _gvirt_qemu_builder_add (b, "-k");
          _gvirt_qemu_builder_add (b, keymap);
        }
      return TRUE;
    }
  if (type == GVIRT_DOMAIN_GRAPHICS_TYPE_SDL)
    {
      const char *display = gvirt_domain_graphics_get_display (g);

      if (display == NULL)
        display = g_getenv ("DISPLAY");
      if (display == NULL || *display == '\0')
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s” asks for an SDL display, but no X display is set (DISPLAY)."), b->name);
          return FALSE;
        }
      _gvirt_qemu_builder_add (b, "-display");
      _gvirt_qemu_builder_add (b, "sdl");
      if (gvirt_domain_graphics_get_fullscreen (g))
        _gvirt_qemu_builder_add (b, "-full-screen");
      return TRUE;
    }
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
               _("Domain “%s”: only VNC and SDL <graphics> are supported."), b->name);
  return FALSE;
}

static gboolean
build_video (GVirtQemuBuilder *b, GVirtDomainVideo *video, guint n, GError **error)
{
  const char *model = gvirt_domain_video_get_model (video);
  const char *driver;

  if (model == NULL || g_str_equal (model, "vga"))
    driver = b->isapc ? "isa-vga" : "VGA";
  else if (g_str_equal (model, "cirrus"))
    driver = "cirrus-vga";
  else if (g_str_equal (model, "qxl"))
    driver = n == 0 ? "qxl-vga" : "qxl";
  else if (g_str_equal (model, "virtio"))
    driver = n == 0 && b->x86 ? "virtio-vga" : "virtio-gpu-pci";
  else if (g_str_equal (model, "bochs"))
    driver = "bochs-display";
  else if (g_str_equal (model, "ramfb"))
    driver = "ramfb";
  else if (g_str_equal (model, "none"))
    return TRUE;
  else
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: video model “%s” is not supported."), b->name, model);
      return FALSE;
    }
  if (!g_str_equal (driver, "isa-vga") && !g_str_equal (driver, "ramfb") && !_gvirt_qemu_builder_need_pci (b, "video card", error))
    return FALSE;
  _gvirt_qemu_builder_add (b, "-device");
  _gvirt_qemu_builder_addf (b, "%s,id=video%u", driver, n);
  return TRUE;
}

/* ---- serial ports and consoles ---- */

static gboolean
chardev_backend (GVirtQemuBuilder *b, GVirtDomainChardev *chr, const char *id, GString *out, GError **error)
{
  const char *path = gvirt_domain_chardev_get_source_path (chr);
  const char *host = gvirt_domain_chardev_get_source_host (chr);
  const char *service = gvirt_domain_chardev_get_source_service (chr);
  const char *mode = gvirt_domain_chardev_get_source_mode (chr);
  gboolean server = g_strcmp0 (mode, "bind") == 0;
  g_autofree char *esc = path != NULL ? _gvirt_qemu_escape_commas (path) : NULL;

  switch (gvirt_domain_chardev_get_chardev_type (chr))
    {
    case GVIRT_DOMAIN_CHARDEV_TYPE_PTY:
      g_string_append_printf (out, "pty,id=%s", id);
      return TRUE;
    case GVIRT_DOMAIN_CHARDEV_TYPE_NULL:
      g_string_append_printf (out, "null,id=%s", id);
      return TRUE;
    case GVIRT_DOMAIN_CHARDEV_TYPE_FILE:
      if (path == NULL)
        break;
      g_string_append_printf (out, "file,id=%s,path=%s", id, esc);
      return TRUE;
    case GVIRT_DOMAIN_CHARDEV_TYPE_UNIX:
      if (path == NULL)
        break;
      g_string_append_printf (out, "socket,id=%s,path=%s%s", id, esc, server ? ",server=on,wait=off" : "");
      return TRUE;
    case GVIRT_DOMAIN_CHARDEV_TYPE_TCP:
      if (service == NULL || !_gvirt_qemu_is_identifier (service) || (host != NULL && !_gvirt_qemu_is_identifier (host)))
        break;
      g_string_append_printf (out, "socket,id=%s,host=%s,port=%s%s", id, host ? host : "127.0.0.1", service,
                              server ? ",server=on,wait=off" : "");
      if (g_strcmp0 (gvirt_domain_chardev_get_protocol (chr), "telnet") == 0)
        g_string_append (out, ",telnet=on");
      return TRUE;
    case GVIRT_DOMAIN_CHARDEV_TYPE_DEV:
      if (path == NULL)
        break;
      g_string_append_printf (out, "tty,id=%s,path=%s", id, esc);
      return TRUE;
    default:
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: character device “%s” has a type the QEMU driver does not support "
                     "(pty, file, null, unix, tcp, dev)."), b->name, id);
      return FALSE;
    }
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
               _("Domain “%s”: character device “%s” has an incomplete or invalid <source>."), b->name, id);
  return FALSE;
}

static gboolean
build_chardev (GVirtQemuBuilder *b, GVirtDomainChardev *chr, guint nth_of_kind, guint n_serials, GError **error)
{
  const char *kind = gvirt_domain_device_get_kind (GVIRT_DOMAIN_DEVICE (chr));
  const char *target_type = gvirt_domain_chardev_get_target_type (chr);
  g_autoptr(GString) backend = g_string_new (NULL);
  g_autofree char *id = NULL;
  gboolean virtio_console = FALSE;

  if (g_str_equal (kind, "console"))
    {
      if (target_type == NULL || g_str_equal (target_type, "serial"))
        {
          if (n_serials > 0)
            return TRUE;   /* the console is serial 0 */
        }
      else if (g_str_equal (target_type, "virtio"))
        virtio_console = TRUE;
      else
        {
          if (!b->x86)
            return TRUE;   /* sclp, hvc…: the machine's own console */
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: console target type “%s” is not supported on %s."),
                       b->name, target_type, b->arch);
          return FALSE;
        }
      id = g_strdup_printf ("charconsole%u", nth_of_kind);
    }
  else if (g_str_equal (kind, "serial"))
    {
      xmlNodePtr node = _gvirt_qemu_builder_device_node (b, "serial", nth_of_kind);
      g_autofree char *model = node ? _gvirt_qemu_builder_xpath_string (b, node, "string(target/model/@name)") : NULL;

      if (b->x86 && ((target_type != NULL && !g_str_equal (target_type, "isa-serial") &&
                      !g_str_equal (target_type, "serial")) ||
                     (model != NULL && !g_str_equal (model, "isa-serial"))))
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: serial port %u (target type “%s”, model “%s”) does not fit machine “%s”."),
                       b->name, nth_of_kind, target_type ? target_type : "default", model ? model : "default",
                       b->machine);
          return FALSE;
        }
      id = g_strdup_printf ("charserial%u", b->n_serial);
    }
  else
    return TRUE;   /* parallel ports and channels: not part of the QEMU driver yet */

  if (!chardev_backend (b, chr, id, backend, error))
    return FALSE;
  _gvirt_qemu_builder_add (b, "-chardev");
  _gvirt_qemu_builder_add (b, backend->str);
  if (virtio_console)
    {
      need_virtio_serial (b);
      _gvirt_qemu_builder_add (b, "-device");
      _gvirt_qemu_builder_addf (b, "virtconsole,chardev=%s,id=console%u", id, nth_of_kind);
    }
  else
    {
      if (b->n_serial >= 4 && b->x86)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s” has more than four serial ports."), b->name);
          return FALSE;
        }
      _gvirt_qemu_builder_add (b, "-serial");
      _gvirt_qemu_builder_addf (b, "chardev:%s", id);
      b->n_serial++;
    }
  return TRUE;
}

/* The virtio-serial bus channels and virtio consoles plug into: one made
 * implicitly, as libvirt does, when no <controller type='virtio-serial'> did. */
static void
need_virtio_serial (GVirtQemuBuilder *b)
{
  if (b->have_virtio_serial)
    return;
  _gvirt_qemu_builder_add (b, "-device");
  _gvirt_qemu_builder_add (b, b->s390 ? "virtio-serial-ccw,id=virtio-serial0" : "virtio-serial-pci,id=virtio-serial0");
  b->have_virtio_serial = TRUE;
}

/* <channel type=…><target type='virtio' name=…/></channel>: "-chardev …,id=charchannelN
 * -device virtserialport,bus=virtio-serial0.0,nr=N+1 (after any further virtio consoles),chardev=charchannelN,id=channelN,name=…".
 * A unix channel listens (mode='bind') unless it says mode='connect'; with no
 * path it is RUNTIME_DIR/@HASH.channelN (see gvirt_qemu_command_channel_path()). */
static gboolean
build_channel (GVirtQemuBuilder *b, GVirtDomainChardev *chr, guint n, GError **error)
{
  xmlNodePtr node = _gvirt_qemu_builder_device_node (b, "channel", n);
  g_autofree char *target_name = node != NULL ? _gvirt_qemu_builder_xpath_string (b, node, "string(target/@name)") : NULL;
  g_autofree char *id = g_strdup_printf ("charchannel%u", n);
  g_autoptr(GString) backend = g_string_new (NULL);
  g_autoptr(GString) port = g_string_new (NULL);

  if (g_strcmp0 (gvirt_domain_chardev_get_target_type (chr), "virtio") != 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: channel %u has target type “%s”; the QEMU backend supports “virtio”."),
                   b->name, n, gvirt_domain_chardev_get_target_type (chr) ?: "none");
      return FALSE;
    }
  if (target_name != NULL && (strchr (target_name, ',') != NULL || strlen (target_name) > 255))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: channel %u has an invalid target name “%s”."), b->name, n, target_name);
      return FALSE;
    }
  if (!_gvirt_qemu_builder_need_pci (b, "virtio-serial channel", error))
    return FALSE;
  if (gvirt_domain_chardev_get_chardev_type (chr) == GVIRT_DOMAIN_CHARDEV_TYPE_UNIX)
    {
      const char *path = gvirt_domain_chardev_get_source_path (chr);
      const char *mode = gvirt_domain_chardev_get_source_mode (chr);
      g_autofree char *default_path = NULL;
      g_autofree char *esc = NULL;

      if (path == NULL)
        {
          default_path = gvirt_qemu_command_channel_path (b->ctx->runtime_dir, b->name, n);
          if (default_path == NULL)
            {
              g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("Domain “%s”: unix channel %u has no <source path=…> and there is no runtime directory."),
                           b->name, n);
              return FALSE;
            }
          path = default_path;
        }
      esc = _gvirt_qemu_escape_commas (path);
      g_string_append_printf (backend, "socket,id=%s,path=%s%s", id, esc,
                              g_strcmp0 (mode, "connect") == 0 ? "" : ",server=on,wait=off");
    }
  else if (!chardev_backend (b, chr, id, backend, error))
    return FALSE;

  need_virtio_serial (b);
  _gvirt_qemu_builder_add (b, "-chardev");
  _gvirt_qemu_builder_add (b, backend->str);
  {
    g_autofree char *ctrl = node != NULL ? _gvirt_qemu_builder_xpath_string (b, node, "string(address[@type='virtio-serial']/@controller)") : NULL;
    g_autofree char *nr = node != NULL ? _gvirt_qemu_builder_xpath_string (b, node, "string(address[@type='virtio-serial']/@port)") : NULL;
    xmlXPathObjectPtr consoles = _gvirt_qemu_builder_xpath_nodes (b, "count(/domain/devices/console[target/@type='virtio'])");
    guint n_consoles = consoles != NULL ? (guint) consoles->floatval : 0;
    /* port 0 is the first virtio console's (QEMU gives it 0), the other
     * consoles take the next free ports: the channels come after them all */
    guint64 c = 0, p = MAX (n_consoles, 1) + n;

    xmlXPathFreeObject (consoles);

    if ((ctrl != NULL && !g_ascii_string_to_unsigned (ctrl, 10, 0, 255, &c, NULL)) ||
        (nr != NULL && !g_ascii_string_to_unsigned (nr, 10, 1, 30, &p, NULL)))
      {
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                     _("Domain “%s”: channel %u has an invalid virtio-serial address."), b->name, n);
        return FALSE;
      }
    g_string_append_printf (port, "virtserialport,bus=virtio-serial%u.0,nr=%u,chardev=%s,id=channel%u",
                            (guint) c, (guint) p, id, n);
  }
  if (target_name != NULL)
    g_string_append_printf (port, ",name=%s", target_name);
  _gvirt_qemu_builder_add (b, "-device");
  _gvirt_qemu_builder_add (b, port->str);
  return TRUE;
}

/* ---- memory balloon, random number generator, audio ---- */

static gboolean
balloon_options (GVirtQemuBuilder *b, GString *dev, GError **error)
{
  xmlNodePtr node = _gvirt_qemu_builder_device_node (b, "memballoon", 0);

  if (node == NULL)
    return TRUE;
  return _gvirt_qemu_on_off_option (b, node, "autodeflate", "deflate-on-oom", "the memory balloon", dev, error) &&
         _gvirt_qemu_on_off_option (b, node, "freePageReporting", "free-page-reporting", "the memory balloon", dev, error) &&
         _gvirt_qemu_virtio_driver_options (b, node, "the memory balloon", dev, error);
}

/* <rng model='virtio'><backend model='random'>PATH</backend><rate bytes= period=/></rng>:
 * "-object rng-random,id=objrngN,filename=PATH -device virtio-rng-pci,rng=objrngN,id=rngN". */
static gboolean
build_rngs (GVirtQemuBuilder *b, GError **error)
{
  xmlXPathObjectPtr obj = _gvirt_qemu_builder_xpath_nodes (b, "/domain/devices/rng");
  gboolean ok = TRUE;

  for (int i = 0; ok && obj != NULL && obj->nodesetval != NULL && i < obj->nodesetval->nodeNr; i++)
    {
      xmlNodePtr node = obj->nodesetval->nodeTab[i];
      g_autofree char *path = _gvirt_qemu_builder_xpath_string (b, node, "normalize-space(backend)");
      g_autofree char *bytes = _gvirt_qemu_builder_xpath_string (b, node, "string(rate/@bytes)");
      g_autofree char *period = _gvirt_qemu_builder_xpath_string (b, node, "string(rate/@period)");
      g_autofree char *esc = NULL;
      g_autoptr(GString) dev = g_string_new (NULL);
      guint64 v;

      if (!(ok = _gvirt_qemu_builder_need_pci (b, "random number generator", error)))
        break;
      if (path == NULL)
        path = g_strdup ("/dev/urandom");
      if (!(ok = _gvirt_qemu_builder_check_file (b, path, FALSE, "random number source", error)))
        break;
      esc = _gvirt_qemu_escape_commas (path);
      _gvirt_qemu_builder_add (b, "-object");
      _gvirt_qemu_builder_addf (b, "rng-random,id=objrng%d,filename=%s", i, esc);
      g_string_append_printf (dev, "%s,rng=objrng%d,id=rng%d", b->s390 ? "virtio-rng-ccw" : "virtio-rng-pci", i, i);
      if (bytes != NULL)
        {
          if (!g_ascii_string_to_unsigned (bytes, 10, 1, G_MAXINT64, &v, NULL))
            {
              g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("Domain “%s”: random number generator %d has an invalid rate of “%s” bytes."),
                           b->name, i, bytes);
              ok = FALSE;
              break;
            }
          /* libvirt's default period is one second */
          if (period != NULL && !g_ascii_string_to_unsigned (period, 10, 1, G_MAXINT64, &v, NULL))
            {
              g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("Domain “%s”: random number generator %d has an invalid rate period “%s”."),
                           b->name, i, period);
              ok = FALSE;
              break;
            }
          g_string_append_printf (dev, ",max-bytes=%s,period=%s", bytes, period != NULL ? period : "1000");
        }
      else if (period != NULL)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s”: random number generator %d has a rate period but no bytes."), b->name, i);
          ok = FALSE;
          break;
        }
      if (!(ok = _gvirt_qemu_virtio_driver_options (b, node, "the random number generator", dev, error)))
        break;
      _gvirt_qemu_builder_add (b, "-device");
      _gvirt_qemu_builder_add (b, dev->str);
    }
  xmlXPathFreeObject (obj);
  return ok;
}

/* <audio id='N' type='none'/>: "-audiodev none,id=audioN" (libvirt's ids). */
static gboolean
build_audio (GVirtQemuBuilder *b, GError **error)
{
  xmlXPathObjectPtr obj = _gvirt_qemu_builder_xpath_nodes (b, "/domain/devices/audio");
  gboolean ok = TRUE;

  for (int i = 0; ok && obj != NULL && obj->nodesetval != NULL && i < obj->nodesetval->nodeNr; i++)
    {
      xmlNodePtr node = obj->nodesetval->nodeTab[i];
      g_autofree char *id = _gvirt_qemu_builder_xpath_string (b, node, "string(@id)");
      guint64 v = i + 1;

      if (id != NULL && !g_ascii_string_to_unsigned (id, 10, 1, 1000, &v, NULL))
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s”: <audio> has an invalid id “%s”."), b->name, id);
          ok = FALSE;
          break;
        }
      _gvirt_qemu_builder_add (b, "-audiodev");
      _gvirt_qemu_builder_addf (b, "none,id=audio%" G_GUINT64_FORMAT, v);
    }
  xmlXPathFreeObject (obj);
  return ok;
}

/* ---- the whole command line ---- */

gboolean
_gvirt_qemu_build_devices (GVirtQemuBuilder *b, GError **error)
{
  GListModel *devices = gvirt_domain_config_get_devices (b->config);
  guint n = g_list_model_get_n_items (devices);
  guint n_disks = 0, n_ifaces = 0, n_video = 0, n_serials = 0, n_consoles = 0, n_serial_seen = 0;
  gboolean have_graphics = FALSE;
  g_autofree char *balloon = _gvirt_qemu_builder_xpath_string (b, NULL, "string(/domain/devices/memballoon/@model)");
  xmlXPathObjectPtr count;

  count = _gvirt_qemu_builder_xpath_nodes (b, "count(/domain/devices/serial)");
  n_serials = count != NULL ? (guint) count->floatval : 0;
  xmlXPathFreeObject (count);

  if (!_gvirt_qemu_build_controllers (b, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GVirtDomainDevice) dev = g_list_model_get_item (devices, i);
      gboolean ok = TRUE;

      if (GVIRT_IS_DOMAIN_DISK (dev))
        ok = _gvirt_qemu_build_disk (b, GVIRT_DOMAIN_DISK (dev), n_disks++, error);
      else if (GVIRT_IS_DOMAIN_INTERFACE (dev))
        ok = build_interface (b, GVIRT_DOMAIN_INTERFACE (dev), n_ifaces++, error);
      else if (GVIRT_IS_DOMAIN_GRAPHICS (dev))
        ok = build_graphics (b, GVIRT_DOMAIN_GRAPHICS (dev), &have_graphics, error);
      else if (GVIRT_IS_DOMAIN_CHARDEV (dev))
        {
          const char *kind = gvirt_domain_device_get_kind (dev);

          if (g_str_equal (kind, "serial"))
            ok = build_chardev (b, GVIRT_DOMAIN_CHARDEV (dev), n_serial_seen++, n_serials, error);
          else if (g_str_equal (kind, "console"))
            ok = build_chardev (b, GVIRT_DOMAIN_CHARDEV (dev), n_consoles++, n_serials, error);
          else if (g_str_equal (kind, "channel"))
            ok = build_channel (b, GVIRT_DOMAIN_CHARDEV (dev), b->n_channels++, error);
        }
      if (!ok)
        return FALSE;
    }

  if (!_gvirt_qemu_check_addresses (b, error))
    return FALSE;

  /* Video after the disks and NICs: a display needs a card, -nodefaults gives none. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GVirtDomainDevice) dev = g_list_model_get_item (devices, i);

      if (GVIRT_IS_DOMAIN_VIDEO (dev) && !build_video (b, GVIRT_DOMAIN_VIDEO (dev), n_video++, error))
        return FALSE;
    }
  if (have_graphics && n_video == 0 && (b->x86 || b->pseries))
    {
      _gvirt_qemu_builder_add (b, "-device");
      _gvirt_qemu_builder_add (b, b->isapc ? "isa-vga,id=video0" : "VGA,id=video0");
    }
  if (!have_graphics)
    {
      _gvirt_qemu_builder_add (b, "-display");
      _gvirt_qemu_builder_add (b, "none");
    }

  /* USB tablets and mice need a USB controller. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GVirtDomainDevice) dev = g_list_model_get_item (devices, i);
      const char *type, *bus;

      if (!GVIRT_IS_DOMAIN_INPUT (dev))
        continue;
      type = gvirt_domain_input_get_input_type (GVIRT_DOMAIN_INPUT (dev));
      bus = gvirt_domain_input_get_bus (GVIRT_DOMAIN_INPUT (dev));
      if (g_strcmp0 (bus, "usb") != 0 && g_strcmp0 (type, "tablet") != 0)
        continue;   /* PS/2 comes with the machine */
      if (!b->have_usb)
        {
          if (!_gvirt_qemu_builder_need_pci (b, "USB input device", error))
            return FALSE;
          _gvirt_qemu_builder_add (b, "-device");
          _gvirt_qemu_builder_add (b, "qemu-xhci,id=usb");
          b->have_usb = TRUE;
        }
      _gvirt_qemu_builder_add (b, "-device");
      _gvirt_qemu_builder_addf (b, "usb-%s,bus=usb.0", g_strcmp0 (type, "tablet") == 0 ? "tablet" : g_strcmp0 (type, "keyboard") == 0 ? "kbd" : "mouse");
    }

  if (!build_rngs (b, error) || !build_audio (b, error))
    return FALSE;

  /* The balloon: always, so that memory can be set live. */
  if (balloon == NULL || g_str_equal (balloon, "virtio"))
    {
      if (!b->isapc)
        {
          g_autoptr(GString) dev = g_string_new (b->s390 ? "virtio-balloon-ccw,id=balloon0" : "virtio-balloon-pci,id=balloon0");

          if (!balloon_options (b, dev, error))
            return FALSE;
          _gvirt_qemu_builder_add (b, "-device");
          _gvirt_qemu_builder_add (b, dev->str);
        }
      else if (balloon != NULL && !_gvirt_qemu_builder_need_pci (b, "memory balloon", error))
        return FALSE;
    }
  else if (!g_str_equal (balloon, "none"))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: memory balloon model “%s” is not supported."), b->name, balloon);
      return FALSE;
    }
  return TRUE;
}

/**
 * gvirt_qemu_command_channel_path:
 * @runtime_dir: (nullable): the backend's runtime directory
 * @name: the domain's name
 * @n: the index of the channel among the domain's `<channel>`s
 *
 * Where a `<channel type='unix'>` with no `<source path>` listens:
 * `RUNTIME_DIR/@HASH.channelN`, HASH the first 32 hex digits of the SHA-256
 * of @name (as the monitor's socket, so that the path fits sun_path however
 * long the name), removed with the domain's other runtime files.
 *
 * Returns: (transfer full) (nullable): the path, %NULL without @runtime_dir
 */
char *
gvirt_qemu_command_channel_path (const char *runtime_dir,
                                 const char *name,
                                 guint       n)
{
  g_autofree char *suffix = NULL;

  if (runtime_dir == NULL)
    return NULL;
  suffix = g_strdup_printf (".channel%u", n);
  return gvirt_qemu_command_socket_path (runtime_dir, name, suffix);
}

/**
 * gvirt_qemu_command_socket_path:
 * @runtime_dir: the backend's runtime directory
 * @name: the domain's name
 * @suffix: what ends the file name (".sock", ".channel0" …)
 *
 * `RUNTIME_DIR/@HASH@suffix`, HASH the first 32 hex digits of the SHA-256
 * of @name: short whatever the name (names have 255 bytes, sun_path room
 * for 107), for every socket of a domain — the monitor's and the channels'.
 *
 * Returns: (transfer full): the path
 */
char *
gvirt_qemu_command_socket_path (const char *runtime_dir,
                                const char *name,
                                const char *suffix)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);
  g_autofree char *base = g_strdup_printf ("@%.32s%s", sum, suffix);

  return g_build_filename (runtime_dir, base, NULL);
}
