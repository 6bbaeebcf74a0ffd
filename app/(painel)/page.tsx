import { redirect } from "next/navigation";

export default function PanelHome() {
  redirect("/sms");
}
