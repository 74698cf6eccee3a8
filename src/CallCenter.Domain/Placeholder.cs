namespace CallCenter.Domain;
