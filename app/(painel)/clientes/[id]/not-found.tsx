import { CustomerNotFound } from "@/app/_components/customers/customer-not-found";

export default function CustomerNotFoundPage() {
  return <CustomerNotFound />;
}
